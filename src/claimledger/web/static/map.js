// The ledger's places on a Leaflet map over an offline base layer: Natural Earth country boundaries
// (world-atlas) and, inside them, first-level divisions such as oblasts (Natural Earth admin-1, cut
// down at install time), both TopoJSON served by this server. No tile server, no request leaves the host.
"use strict";

function radius(claims) {
  return 4 + Math.min(22, 3 * Math.sqrt(claims));
}

function tooltipFor(place) {
  // textContent only: place names come from articles and are untrusted.
  const box = document.createElement("div");
  const name = document.createElement("strong");
  name.textContent = place.name;
  const counts = document.createElement("div");
  counts.textContent = place.claims + " claims · " + place.mentions + " mentions · " + place.articles + " articles";
  box.append(name, counts);
  return box;
}

async function drawMap() {
  const holder = document.getElementById("map");
  const status = document.getElementById("map-status");
  if (!holder || typeof L === "undefined") return;
  const map = L.map(holder, { worldCopyJump: true, preferCanvas: false }).setView([48.5, 33], 5);
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  const [world, admin1] = await Promise.all([
    fetch(holder.dataset.world).then((r) => r.json()),
    fetch(holder.dataset.admin1).then((r) => r.json()),
  ]);
  const countries = topojson.feature(world, world.objects.countries);
  L.geoJSON(countries, {
    style: { color: "#8a94a6", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  // Borders between two divisions of one country (ISO 3166-2 prefix), each drawn once: state
  // borders keep the country layer's solid line. By code, so Crimea (UA-43) and Kherson share one.
  const country = (division) => division.properties.iso.slice(0, 2);
  const inner = topojson.mesh(admin1, admin1.objects.admin1, (a, b) => a !== b && country(a) === country(b));
  L.geoJSON(inner, {
    style: { color: "#a9b1bf", weight: 0.7, dashArray: "3 3", className: "admin1-border" },
    interactive: false,
  }).addTo(map);
  const places = await (await fetch(holder.dataset.places)).json();
  const markers = [];
  for (const place of places) {
    if (place.lat === null || place.lon === null) continue;
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: radius(place.claims),
      color: "#1d3f7a",
      weight: 1,
      fillColor: "#2f5fb3",
      fillOpacity: 0.55,
      className: "place-marker",
    });
    marker.bindTooltip(tooltipFor(place));
    marker.on("click", () => {
      window.location.href = "/places/" + encodeURIComponent(place.key);
    });
    marker.addTo(map);
    markers.push(marker);
  }
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 8, animate: false });
  holder.dataset.ready = String(markers.length);
  if (status) status.textContent = markers.length + " places";
}

document.addEventListener("DOMContentLoaded", () => {
  drawMap().catch((error) => {
    const status = document.getElementById("map-status");
    if (status) status.textContent = "map failed: " + error;
  });
});
