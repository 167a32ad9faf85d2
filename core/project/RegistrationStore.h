// The point pairs a user clicked to register two slides (serial sections), kept per slide pair in
// the project (registrations.json in its folder, slides by their stored paths), so that the pair
// opened again is linked through the same fit. The points are kept, not the transform: a refit
// is cheap, and a bad click can still be removed later.
#pragma once

#include "compare/SlideRegistration.h"

#include <QString>
#include <vector>

namespace tessera::core {

class Project;

constexpr const char* kRegistrationsFile = "registrations.json";

// The pairs from `fixed` to `moving` (slide paths, as opened); empty when the project has none.
// Throws Error naming the file when it cannot be read or is damaged.
std::vector<PointPair> readRegistration(const Project& project, const QString& fixed, const QString& moving);
// Replaces the pairs of that slide pair (none: forgets it); written atomically. Throws Error
// naming the file on failure, leaving the file as it was.
void writeRegistration(const Project& project, const QString& fixed, const QString& moving,
                       const std::vector<PointPair>& pairs);

} // namespace tessera::core
