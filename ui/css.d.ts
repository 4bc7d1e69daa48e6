/** esbuild bundles .css files as text (loader "text"); the panel injects them itself. */
declare module "*.css" {
  const text: string;
  export default text;
}
