// Whether a polygon's holes sit where holes must: inside its outer ring and apart from each other.
#pragma once

#include "Geometry.h"

#include <QString>
#include <optional>

namespace tessera::core {

// Why a part's holes cannot be kept with it, in words beginning with `prefix` ("part 2: "): a hole
// crossing the outer ring or another hole, lying outside the outer ring, or over another hole.
// Touching is allowed (a hole may meet the outer ring or another hole at a vertex or along an
// edge): areas stay right. Each ring must already be sound on its own (Geometry::problem).
std::optional<QString> holesProblem(const PolygonPart& part, const QString& prefix);

} // namespace tessera::core
