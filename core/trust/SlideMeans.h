// The training slides' per-slide mean vectors (of their patch features, of their stain): the
// centre and spread of each component, and how far a new slide's mean lies from them. Catches
// shifts of the whole slide that leave each patch looking ordinary (a stain change, a scanner).
#pragma once

#include <optional>
#include <vector>

namespace tessera::core {

class SlideMeans {
public:
    SlideMeans() = default;
    // From at least two slides' means (rows of equal length); each spread is at least its
    // `floors` entry (one per component, or one for all) and at least kRelativeFloor of the
    // median spread, so that a component that never varied between a few slides does not turn
    // the slightest difference into a vast distance. nullopt with fewer than two rows.
    static std::optional<SlideMeans> fit(const std::vector<std::vector<double>>& rows,
                                         const std::vector<double>& floors,
                                         std::optional<std::size_t> leaveOut = std::nullopt);
    static std::optional<SlideMeans> fromArrays(std::vector<double> centre, std::vector<double> spread);
    static constexpr double kRelativeFloor = 0.05;

    // The root mean square of (x − centre) / spread over the components; NaN for a wrong size.
    double distance(const std::vector<double>& x) const;

    const std::vector<double>& centre() const { return m_centre; }
    const std::vector<double>& spread() const { return m_spread; }

private:
    std::vector<double> m_centre, m_spread;
};

} // namespace tessera::core
