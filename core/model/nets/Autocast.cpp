#include "Autocast.h"

#include <ATen/autocast_mode.h>

namespace tessera::core::nets {

AutocastScope::AutocastScope(c10::DeviceType device, std::optional<c10::ScalarType> dtype)
{
    if (!dtype)
        return;
    m_previous = AutocastState::current();
    AutocastState state = *m_previous;
    if (device == c10::DeviceType::CUDA) {
        state.cuda = true;
        state.cudaType = *dtype;
    } else {
        state.cpu = true;
        state.cpuType = *dtype;
    }
    state.apply();
    m_cache.emplace();
}

AutocastScope::~AutocastScope()
{
    m_cache.reset(); // before the state goes back: the cache belongs to this scope's casts
    if (m_previous)
        m_previous->apply();
}

AutocastCacheScope::AutocastCacheScope()
{
    at::autocast::increment_nesting();
}

AutocastCacheScope::~AutocastCacheScope()
{
    // The cache of casted weights lives until the outermost scope ends (as in torch.autocast).
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
}

AutocastState AutocastState::current()
{
    return {at::autocast::is_cpu_enabled(), at::autocast::is_enabled(),
            at::autocast::get_autocast_cpu_dtype(), at::autocast::get_autocast_gpu_dtype()};
}

void AutocastState::apply() const
{
    at::autocast::set_cpu_enabled(cpu);
    at::autocast::set_enabled(cuda);
    at::autocast::set_autocast_cpu_dtype(cpuType);
    at::autocast::set_autocast_gpu_dtype(cudaType);
}

std::vector<int64_t> AutocastState::encoded() const
{
    return {cpu, cuda, int64_t(cpuType), int64_t(cudaType)};
}

AutocastState AutocastState::decoded(const std::vector<int64_t>& v)
{
    return {v.at(0) != 0, v.at(1) != 0, c10::ScalarType(v.at(2)), c10::ScalarType(v.at(3))};
}

} // namespace tessera::core::nets
