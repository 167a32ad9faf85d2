#include "SlideMeans.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tessera::core {

std::optional<SlideMeans> SlideMeans::fit(const std::vector<std::vector<double>>& rows,
                                          const std::vector<double>& floors,
                                          std::optional<std::size_t> leaveOut)
{
    const std::size_t used = rows.size() - (leaveOut && *leaveOut < rows.size() ? 1 : 0);
    if (used < 2)
        return std::nullopt;
    const std::size_t d = rows.front().size();
    SlideMeans m;
    m.m_centre.assign(d, 0);
    m.m_spread.assign(d, 0);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (i != leaveOut)
            for (std::size_t j = 0; j < d; ++j)
                m.m_centre[j] += rows[i][j] / double(used);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (i != leaveOut)
            for (std::size_t j = 0; j < d; ++j)
                m.m_spread[j] +=
                    (rows[i][j] - m.m_centre[j]) * (rows[i][j] - m.m_centre[j]) / double(used - 1);
    std::vector<double> sorted;
    for (double& s : m.m_spread) {
        s = std::sqrt(s);
        sorted.push_back(s);
    }
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(d / 2), sorted.end());
    const double relative = kRelativeFloor * sorted[d / 2];
    for (std::size_t j = 0; j < d; ++j)
        m.m_spread[j] =
            std::max({m.m_spread[j], relative, floors.size() == d ? floors[j] : floors.at(0), 1e-12});
    return m;
}

std::optional<SlideMeans> SlideMeans::fromArrays(std::vector<double> centre, std::vector<double> spread)
{
    if (centre.empty() || centre.size() != spread.size() ||
        std::any_of(spread.begin(), spread.end(), [](double s) { return !(s > 0) || !std::isfinite(s); }))
        return std::nullopt;
    SlideMeans m;
    m.m_centre = std::move(centre);
    m.m_spread = std::move(spread);
    return m;
}

double SlideMeans::distance(const std::vector<double>& x) const
{
    if (x.size() != m_centre.size() || x.empty())
        return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    for (std::size_t j = 0; j < x.size(); ++j) {
        const double z = (x[j] - m_centre[j]) / m_spread[j];
        sum += z * z;
    }
    return std::sqrt(sum / double(x.size()));
}

} // namespace tessera::core
