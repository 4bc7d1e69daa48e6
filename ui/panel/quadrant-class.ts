/** A quadrant's CSS class ("quadrant-manage-closely"): the register's chips and the grid's areas share it. */
export const quadrantClass = (name: string) => `quadrant-${name.replace(" ", "-").toLowerCase()}`;
