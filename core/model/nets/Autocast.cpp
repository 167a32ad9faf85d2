#include "Autocast.h"

#include <ATen/autocast_mode.h>

namespace tessera::core::nets {

AutocastScope::AutocastScope(c10::DeviceType device, std::optional<c10::ScalarType> dtype)
{
    if (!dtype)
        return;
    m_active = true;
    m_cuda = device == c10::DeviceType::CUDA;
    if (m_cuda) {
        m_wasEnabled = at::autocast::is_enabled();
        m_previousType = at::autocast::get_autocast_gpu_dtype();
        at::autocast::set_autocast_gpu_dtype(*dtype);
        at::autocast::set_enabled(true);
    } else {
        m_wasEnabled = at::autocast::is_cpu_enabled();
        m_previousType = at::autocast::get_autocast_cpu_dtype();
        at::autocast::set_autocast_cpu_dtype(*dtype);
        at::autocast::set_cpu_enabled(true);
    }
    m_cache.emplace();
}

AutocastScope::~AutocastScope()
{
    if (!m_active)
        return;
    m_cache.reset();
    if (m_cuda) {
        at::autocast::set_enabled(m_wasEnabled);
        at::autocast::set_autocast_gpu_dtype(m_previousType);
    } else {
        at::autocast::set_cpu_enabled(m_wasEnabled);
        at::autocast::set_autocast_cpu_dtype(m_previousType);
    }
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

} // namespace tessera::core::nets
