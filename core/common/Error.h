// A failure on user data or the environment, carrying a message meant for a person.
#pragma once

#include <QString>
#include <stdexcept>

namespace tessera::core {

// Thrown by core functions; caught at the UI/CLI edge and shown as is. The message says
// what failed, on which file, and (where we know) what to do about it.
class Error : public std::runtime_error {
public:
    explicit Error(const QString& message) : std::runtime_error(message.toStdString()), m_message(message) {}

    const QString& message() const noexcept { return m_message; }

private:
    QString m_message;
};

} // namespace tessera::core
