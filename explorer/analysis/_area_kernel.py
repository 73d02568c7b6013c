"""Compiled kernel of :func:`geodesy.area_m2`: the ellipsoidal area of each ring, one pass
over its vertices (the same integral and quadrature rules as the module's numpy code)."""
from __future__ import annotations

import numba
import numpy as np


@numba.njit(cache=True)
def _authalic(lat, a, e, e2):
    """Area (m²) between the equator and latitude ``lat`` (radians), per radian of longitude."""
    s = np.sin(lat)
    es = e * s
    q = (1 - e2) * (s / (1 - e2 * s * s) - np.log((1 - es) / (1 + es)) / (2 * e))
    return a * a * q / 2


@numba.njit(cache=True)
def ring_areas(lon, lat, starts, ends, a, e, e2, simpson_max, gl_t, gl_w):
    """Unsigned area (m²) of each ring ``[starts[r], ends[r])`` of lon/lat vertices (radians):
    the integral of F(φ) dλ along its edges, φ linear along each edge, by Simpson's rule, or
    by Gauss–Legendre for edges spanning more than ``simpson_max`` of latitude."""
    out = np.empty(len(starts))
    for r in range(len(starts)):
        s, end = starts[r], ends[r]
        ref = _authalic(lat[s], a, e, e2)
        f0 = ref
        total = 0.0
        for k in range(s, end - 1):
            f1 = _authalic(lat[k + 1], a, e, e2)
            dlat = lat[k + 1] - lat[k]
            if abs(dlat) > simpson_max:
                mean = 0.0
                for t, w in zip(gl_t, gl_w):
                    mean += w * _authalic(lat[k] + t * dlat, a, e, e2)
            else:
                mean = (f0 + 4 * _authalic((lat[k] + lat[k + 1]) / 2, a, e, e2) + f1) / 6
            total -= (lon[k + 1] - lon[k]) * (mean - ref)
            f0 = f1
        out[r] = abs(total)
    return out
