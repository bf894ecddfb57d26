// Progressive enhancement only: every page works as plain HTML forms and links without this.
import htmx from 'htmx.org';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

window.htmx = htmx;

/** The map shows the same offers as the list (never the only way to reach one). */
function initMap() {
  const el = document.getElementById('karte');
  if (!el || el.dataset.ready) {
    return;
  }
  const items = Array.from(document.querySelectorAll('li.card[data-lat]'));
  if (items.length === 0) {
    return;
  }
  el.closest('.map-section').hidden = false;
  const map = L.map(el, { scrollWheelZoom: false });
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    }).addTo(map);
  }
  const points = [];
  for (const li of items) {
    const lat = Number(li.dataset.lat);
    const lon = Number(li.dataset.lon);
    const title = li.querySelector('h3 a');
    const link = document.createElement('a');
    link.href = li.dataset.href;
    link.textContent = title ? title.textContent : el.dataset.open;
    if (title) {
      link.lang = title.lang;
      link.dir = title.dir;
    }
    L.circleMarker([lat, lon], { radius: 9, weight: 2, color: '#0b5394', fillOpacity: 0.6 })
      .bindPopup(link)
      .addTo(map);
    points.push([lat, lon]);
  }
  map.fitBounds(points, { maxZoom: 13, padding: [24, 24] });
  el.dataset.ready = '1';
}

/** After htmx swapped the results in, tell screen readers where they are: focus the result count. */
function focusResults() {
  const heading = document.getElementById('results-h');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

document.addEventListener('DOMContentLoaded', initMap);
document.addEventListener('htmx:afterSettle', () => {
  initMap();
  focusResults();
});

// A follow-up question shows only while the answer it depends on applies (data-when-name/-values).
// Without JavaScript every follow-up stays visible with a hint saying when it applies.
function applyConditions(root) {
  for (const el of root.querySelectorAll('[data-when-name]')) {
    const wanted = el.dataset.whenValues.split(',');
    const inputs = Array.from(root.querySelectorAll('[name="' + CSS.escape(el.dataset.whenName) + '"]'));
    const chosen = inputs
      .filter((i) => (i.type === 'checkbox' || i.type === 'radio' ? i.checked : true))
      .map((i) => i.value);
    const applies = chosen.some((v) => wanted.includes(v));
    const hasError = el.classList.contains('has-error');
    el.hidden = !applies && !hasError;
  }
}

document.addEventListener('DOMContentLoaded', () => applyConditions(document));
document.addEventListener('change', (e) => {
  const form = e.target.closest('form');
  if (form && form.querySelector('[data-when-name]')) {
    applyConditions(form);
  }
});
