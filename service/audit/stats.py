"""The statistics of a crime data integrity audit (domain notes: cdi-audit-method.md s.2.3, s.2.4, s.8).

All rates are proportions in [0, 1] inside this module; callers format them as percentages.

* ``wald``: the inspectorate's method. A symmetric normal-approximation interval,
  p +/- z*sqrt(p(1-p)/n); every published "rate +/- points" figure is reproduced by it.
* ``wilson``: the Wilson score interval; asymmetric, honest for small sub-audits (rape 62/63).
* ``wald-fpc``: Wald with the finite-population correction sqrt((N-n)/(N-1)) when the audited
  crimes are a sample without replacement from a known population of N.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

Z95 = 1.959964
METHODS = ("wald", "wilson", "wald-fpc")


@dataclass(frozen=True)
class Interval:
    method: str
    k: int
    n: int
    rate: float          # the point estimate k/n
    lo: float
    hi: float
    half_width: float    # (hi - lo) / 2; for Wald it is exactly the published "+/-"
    population: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    def text(self) -> str:
        if self.n == 0:
            return f"{self.method}: no crimes to rate (0 of 0)"
        return (f"{self.method}: {self.rate * 100:.1f}% +/- {self.half_width * 100:.2f} points "
                f"({self.lo * 100:.1f}%-{self.hi * 100:.1f}%), {self.k} of {self.n}")


def _check(k: int, n: int) -> None:
    if n < 0 or k < 0 or k > n:
        raise ValueError(f"need 0 <= correct <= total, got {k} of {n}")


def fpc(n: int, population: int) -> float:
    """The finite-population correction factor sqrt((N - n) / (N - 1))."""
    if population < n:
        raise ValueError(f"population {population} is smaller than the sample {n}")
    if population <= 1:
        return 0.0
    return math.sqrt((population - n) / (population - 1))


def wald(k: int, n: int, z: float = Z95, population: int | None = None) -> Interval:
    _check(k, n)
    if n == 0:
        return Interval("wald-fpc" if population else "wald", 0, 0, 0.0, 0.0, 1.0, 0.5, population)
    p = k / n
    hw = z * math.sqrt(p * (1 - p) / n)
    if population:
        hw *= fpc(n, population)
    return Interval("wald-fpc" if population else "wald", k, n, p, max(0.0, p - hw), min(1.0, p + hw), hw,
                    population)


def wilson(k: int, n: int, z: float = Z95) -> Interval:
    _check(k, n)
    if n == 0:
        return Interval("wilson", 0, 0, 0.0, 0.0, 1.0, 0.5)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    lo, hi = max(0.0, centre - spread), min(1.0, centre + spread)
    return Interval("wilson", k, n, p, lo, hi, (hi - lo) / 2)


def interval(k: int, n: int, method: str = "wald", population: int | None = None, z: float = Z95) -> Interval:
    if method == "wald":
        return wald(k, n, z)
    if method == "wilson":
        return wilson(k, n, z)
    if method == "wald-fpc":
        if not population:
            raise ValueError("wald-fpc needs the population size (--population)")
        return wald(k, n, z, population)
    raise ValueError(f"unknown method {method!r} (known: {', '.join(METHODS)})")


def all_intervals(k: int, n: int, population: int | None = None, z: float = Z95) -> dict[str, Interval]:
    """Every method at once; the finite-population one only when the population is known."""
    out = {"wald": wald(k, n, z), "wilson": wilson(k, n, z)}
    if population and population >= n:
        out["wald-fpc"] = wald(k, n, z, population)
    return out


def implied_n(rate: float, half_width: float, z: float = Z95) -> float:
    """The sample size a Wald interval of this half-width implies: z^2 p(1-p) / hw^2 (s.5.1)."""
    if not 0 < rate < 1:
        raise ValueError("the rate must lie strictly between 0 and 1 (0% and 100%)")
    if half_width <= 0:
        raise ValueError("the half-width must be positive")
    return z * z * rate * (1 - rate) / (half_width * half_width)


def matching_pairs(rate: float, half_width: float, rate_dp: int = 1, hw_dp: int = 2, z: float = Z95,
                   spread: float = 0.05) -> list[tuple[int, int]]:
    """Integer (k, n) whose Wald figures round to the published rate and half-width (in percent)."""
    centre = implied_n(rate, half_width, z)
    out = []
    for n in range(max(1, int(centre * (1 - spread))), int(centre * (1 + spread)) + 2):
        for k in (math.floor(rate * n), math.ceil(rate * n)):
            if 0 <= k <= n:
                w = wald(k, n, z)
                if (round(w.rate * 100, rate_dp) == round(rate * 100, rate_dp)
                        and round(w.half_width * 100, hw_dp) == round(half_width * 100, hw_dp)
                        and (k, n) not in out):
                    out.append((k, n))
    return out


def unrecorded_per_year(recorded: float, rate: float) -> float:
    """Crimes left unrecorded in a year: R(1-p)/p, R being the crimes the force did record (s.2.4)."""
    if rate <= 0:
        return math.inf
    return recorded * (1 - rate) / rate


def unrecorded_estimate(recorded: float, iv: Interval) -> dict:
    """The point estimate and the interval got by putting the rate's bounds into R(1-p)/p."""
    point = unrecorded_per_year(recorded, iv.rate)
    # a higher rate means fewer unrecorded crimes, so the bounds swap
    lo, hi = unrecorded_per_year(recorded, iv.hi), unrecorded_per_year(recorded, iv.lo)
    return {"recorded_per_year": recorded, "method": iv.method, "estimate": point, "lo": lo, "hi": hi,
            "published_form": f"over {int(point // 100 * 100):,}" if math.isfinite(point) else "unbounded"}


def additional_per_year(recorded_new: float, rate_old: float, rate_new: float) -> float:
    """Crimes a year now recorded that would not have been at the old rate: R_new(1 - p_old/p_new)."""
    return recorded_new * (1 - rate_old / rate_new)


def cluster_ratio(pairs: list[tuple[int, int]], z: float = Z95) -> Interval:
    """Ratio estimator with the incident as the cluster (s.2.3 a): pairs are (x_i should-be, y_i recorded).

    One incident can hold several crimes, and crimes of one incident are not independent, so this
    interval is usually a little wider than Wald's.
    """
    pairs = [(x, y) for x, y in pairs if x > 0]
    m = len(pairs)
    sx, sy = sum(x for x, _ in pairs), sum(y for _, y in pairs)
    if m < 2 or sx == 0:
        return Interval("cluster-ratio", sy, sx, sy / sx if sx else 0.0, 0.0, 1.0, 0.5)
    r = sy / sx
    xbar = sx / m
    var = sum((y - r * x) ** 2 for x, y in pairs) / (m * (m - 1) * xbar * xbar)
    hw = z * math.sqrt(var)
    return Interval("cluster-ratio", sy, sx, r, max(0.0, r - hw), min(1.0, r + hw), hw)


def stratified(strata: list[dict], z: float = Z95) -> dict:
    """Weighted overall rate over strata [{W, k, n}] (s.2.3): sum W p and sqrt(sum W^2 p(1-p)/n)."""
    total_w = sum(s["W"] for s in strata if s["n"])
    if not total_w:
        return {"rate": 0.0, "half_width": 0.5}
    p = sum(s["W"] / total_w * s["k"] / s["n"] for s in strata if s["n"])
    var = sum((s["W"] / total_w) ** 2 * (s["k"] / s["n"]) * (1 - s["k"] / s["n"]) / s["n"]
              for s in strata if s["n"])
    return {"rate": p, "half_width": z * math.sqrt(var)}
