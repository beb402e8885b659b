// The Web Worker that runs the user's program (src/runner). It starts the
// page's own wasm module again: the page passes the hashed JS and wasm URLs
// it loaded, so the browser serves both from its cache. Once started, the
// module sees no window and serves jobs instead of mounting the app.
//
// Only the app's own module is loaded: each URL must be on this origin, in
// this worker's directory, and name a file of the kind expected. A link to
// worker.js with other parameters loads nothing.
const here = new URL('./', self.location.href);
// A file name in this directory: no slashes, no "..".
const NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
const params = new URL(self.location.href).searchParams;

function own(param, extension) {
  const value = params.get(param);
  if (value === null) {
    return null;
  }
  let url;
  try {
    url = new URL(value, here);
  } catch {
    return null;
  }
  const name = url.pathname.slice(here.pathname.length);
  const ok =
    url.origin === here.origin &&
    url.pathname.startsWith(here.pathname) &&
    url.search === '' &&
    url.hash === '' &&
    NAME.test(name) &&
    name.endsWith(extension);
  return ok ? url.href : null;
}

const js = own('js', '.js');
const wasm = own('wasm', '.wasm');
if (js === null || wasm === null) {
  throw new Error('worker.js loads only the app\'s own module');
}
const { default: init } = await import(js);
await init({ module_or_path: wasm });
