// Stateless, platform-independent hashing for procedural content (same input, same output).
#pragma once

#include <cstdint>

namespace tessera::core::synth {

constexpr std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

constexpr std::uint64_t hashCell(std::uint64_t seed, std::int64_t i, std::int64_t j, std::uint64_t salt)
{
    return splitMix64(splitMix64(splitMix64(seed ^ salt) + std::uint64_t(i)) + std::uint64_t(j));
}

// Uniform in [0, 1) from the top 53 bits.
constexpr double toUnit(std::uint64_t h)
{
    return double(h >> 11) * (1.0 / 9007199254740992.0);
}

// A small deterministic stream of uniforms seeded from one hash.
class UnitStream {
public:
    explicit constexpr UnitStream(std::uint64_t state) : m_state(state) {}
    double next()
    {
        m_state = splitMix64(m_state);
        return toUnit(m_state);
    }
    double range(double lo, double hi) { return lo + (hi - lo) * next(); }

private:
    std::uint64_t m_state;
};

} // namespace tessera::core::synth
