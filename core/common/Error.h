// A failure on user data or the environment, carrying a message meant for a person.
#pragma once

#include <QString>
#include <stdexcept>
#include <vector>

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

// What is wrong with one setting: the setting's key (as in config.json: "epochs", "w_gen") and
// the reason in words that name no command-line flag or widget. The CLI puts the flag in front;
// a dialog shows the reason next to the field.
struct FieldProblem {
    QString field;
    QString message;
};

// A setting that cannot be used; message() is the problem's message.
class FieldError : public Error {
public:
    explicit FieldError(FieldProblem problem) : Error(problem.message), m_problem(std::move(problem)) {}
    const FieldProblem& problem() const noexcept { return m_problem; }

private:
    FieldProblem m_problem;
};

// Throws FieldError for the first problem, if there is one.
inline void throwIfAny(const std::vector<FieldProblem>& problems)
{
    if (!problems.empty())
        throw FieldError(problems.front());
}

} // namespace tessera::core
