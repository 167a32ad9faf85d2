#include "ComputeDeviceCache.h"

#include "TaskRunner.h"

#include <QCoreApplication>

namespace tessera::ui {

ComputeDeviceCache& ComputeDeviceCache::instance()
{
    static ComputeDeviceCache* cache = [] {
        auto* c = new ComputeDeviceCache;
        c->setParent(QCoreApplication::instance());
        return c;
    }();
    return *cache;
}

void ComputeDeviceCache::probe()
{
    if (m_started)
        return;
    m_started = true;
    TaskRunner::instance().run(
        this, tr("Looking for GPUs"), [](TaskControl&) { return core::availableComputeDevices(); },
        [this](TaskResult<std::vector<core::ComputeDeviceInfo>> result) {
            m_devices =
                result.ok() ? *result.value : std::vector<core::ComputeDeviceInfo>{core::cpuComputeDevice()};
            m_ready = true;
            Q_EMIT ready();
        });
}

std::vector<core::ComputeDeviceInfo> ComputeDeviceCache::devices() const
{
    return m_ready ? m_devices : std::vector<core::ComputeDeviceInfo>{core::cpuComputeDevice()};
}

int ComputeDeviceCache::gpuCount() const
{
    int gpus = 0;
    for (const core::ComputeDeviceInfo& d : devices())
        gpus += d.id.startsWith(QLatin1String("cuda:"));
    return gpus;
}

} // namespace tessera::ui
