// Mixed precision: LibTorch's autocast for one device type, switched on for a scope.
// Internal to torch translation units.
#pragma once

#include <c10/core/DeviceType.h>
#include <c10/core/ScalarType.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace tessera::core::nets {

// Keeps autocast's cache of casted weights for a scope and clears it when the outermost one ends.
class AutocastCacheScope {
public:
    AutocastCacheScope();
    ~AutocastCacheScope();
    AutocastCacheScope(const AutocastCacheScope&) = delete;
    AutocastCacheScope& operator=(const AutocastCacheScope&) = delete;
};

// The autocast state of the current thread, to be restored where a pass is recomputed
// (activation checkpoints run their function again in the backward pass, outside any scope).
struct AutocastState {
    bool cpu = false, cuda = false;
    c10::ScalarType cpuType = c10::ScalarType::BFloat16, cudaType = c10::ScalarType::Half;
    static AutocastState current();
    void apply() const;
    // As integers, for an autograd context's saved data.
    std::vector<int64_t> encoded() const;
    static AutocastState decoded(const std::vector<int64_t>& values);
};

// While alive, eligible ops (matrix products, linear layers) on `device` run in `dtype` and
// precision-sensitive ones (softmax, layer norm, losses) in float32, as torch.autocast does.
// No-op without a dtype. Restores the previous state when it ends; nests.
class AutocastScope {
public:
    AutocastScope(c10::DeviceType device, std::optional<c10::ScalarType> dtype);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    std::optional<AutocastState> m_previous; // set when the scope changed anything
    std::optional<AutocastCacheScope> m_cache;
};

} // namespace tessera::core::nets
