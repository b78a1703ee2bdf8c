"""The gazetteer: GeoNames places in a compact SQLite index, and toponym detection and resolution.

build.py writes the index (`claimledger gazetteer build|add`), index.py reads it, names.py makes the
name keys, detect.py finds mentions in a spaCy parse and resolve.py picks one place per name;
stages/places.py puts them together.
"""
