// Immo's service worker: keeps favourites and recently viewed listings
// readable offline. Built assets are cache-first (their names change with
// each build); listing pages, favourites and their API answers are
// network-first with the last copy kept for when the network is gone.
const VERSION = 'immo-v1';
const STATIC = `${VERSION}-static`;
const PAGES = `${VERSION}-pages`;
const MAX_PAGES = 60;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => !key.startsWith(VERSION)).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

const isStatic = (url) => url.pathname.startsWith('/_next/static/') || /^\/(icon[^/]*|manifest\.webmanifest)$/.test(url.pathname) || url.pathname.startsWith('/map-style');
const isKeptForOffline = (url) =>
  /^\/(fr|nl|de|en)\/(listing\/[^/]+|account\/favourites)\/?$/.test(url.pathname) ||
  /^\/v1\/listings\/[^/]+(\/price-history)?$/.test(url.pathname) ||
  /^\/v1\/users\/[^/]+\/favorites$/.test(url.pathname);

async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(key);
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(STATIC)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
      await trim(cache);
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isStatic(url)) event.respondWith(cacheFirst(request));
  else if (isKeptForOffline(url)) event.respondWith(networkFirst(request));
});
