// The Web Worker that runs the user's program (src/runner). It starts the
// page's own wasm module again: the page passes the hashed JS and wasm URLs
// it loaded, so the browser serves both from its cache. Once started, the
// module sees no window and serves jobs instead of mounting the app.
const params = new URL(self.location.href).searchParams;
const { default: init } = await import(params.get('js'));
await init({ module_or_path: params.get('wasm') });
