// The message of the Error a call throws, or "" when it throws none: for tests of refusals.
#pragma once

#include "common/Error.h"

#include <QString>
#include <exception>
#include <functional>

namespace tessera::test {

inline QString errorMessageOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const core::Error& e) {
        return e.message();
    } catch (const std::exception& e) { // anything else is a finding: say what it was
        return QStringLiteral("not an Error: ") +
               QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
    }
    return {};
}

} // namespace tessera::test
