#include "Cancellation.h"

#include <csignal>

namespace tessera::cli {

namespace {
std::atomic<bool> g_cancel{false};

extern "C" void requestCancel(int)
{
    g_cancel = true;
}
} // namespace

const std::atomic<bool>& cancelOnSignals()
{
    static const bool installed = [] {
        std::signal(SIGINT, requestCancel);
        std::signal(SIGTERM, requestCancel);
        return true;
    }();
    (void)installed;
    return g_cancel;
}

} // namespace tessera::cli
