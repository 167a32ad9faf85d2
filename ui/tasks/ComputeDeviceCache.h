// The machine's compute devices for the GUI, probed once off the GUI thread (nvidia-smi can take
// seconds) and then kept. Until the probe ends, the CPU alone is known.
#pragma once

#include "system/ComputeDevices.h"

#include <QObject>
#include <vector>

namespace tessera::ui {

class ComputeDeviceCache : public QObject {
    Q_OBJECT
public:
    static ComputeDeviceCache& instance(); // lives on the GUI thread

    void probe(); // starts the probe the first time; later calls do nothing
    bool isReady() const { return m_ready; }
    std::vector<core::ComputeDeviceInfo> devices() const; // the CPU alone until ready
    int gpuCount() const;

Q_SIGNALS:
    void ready();

private:
    bool m_started = false;
    bool m_ready = false;
    std::vector<core::ComputeDeviceInfo> m_devices;
};

} // namespace tessera::ui
