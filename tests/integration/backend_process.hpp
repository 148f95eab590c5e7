#pragma once
// Starts kiosk-refbackend on an ephemeral loopback port for a test suite and reads what it printed.

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace kiosk::test {

struct SeededDossier {
    std::string code;
    int status = 0;
    bool overdue = false;
};

class BackendProcess {
public:
    /// Starts the backend with `args` (plus --listen 127.0.0.1:0 and a temp --db unless `args` name
    /// their own) and waits for "ready".
    explicit BackendProcess(std::vector<std::string> args);
    ~BackendProcess();  ///< SIGTERM and reap
    BackendProcess(const BackendProcess&) = delete;
    BackendProcess& operator=(const BackendProcess&) = delete;

    [[nodiscard]] bool ok() const { return m_port > 0; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] const std::string& firstLine() const { return m_firstLine; }
    [[nodiscard]] const std::vector<SeededDossier>& dossiers() const { return m_dossiers; }
    [[nodiscard]] const std::map<std::string, std::string>& tokens() const { return m_tokens; }

private:
    pid_t m_pid = -1;
    int m_port = 0;
    std::string m_firstLine;
    std::string m_dbPath;
    std::vector<SeededDossier> m_dossiers;
    std::map<std::string, std::string> m_tokens;
};

/// Runs a command, capturing stdout (and stderr when `err` is given; else it is discarded).
/// @return exit code
int runCapture(const std::vector<std::string>& argv, std::string& out, std::string* err = nullptr);

/// What a command printed, as a terminal shows it, and how it ended.
struct CommandRun {
    int exitCode = -1;  ///< -1: killed by a signal (an abort is exit 134 in a shell)
    std::string out;    ///< stdout and stderr, interleaved
    std::chrono::milliseconds elapsed{};
};

/// Runs `argv` (no shell) with stdout and stderr in one pipe. Throws std::runtime_error when it cannot
/// be started.
CommandRun runCombined(const std::vector<std::string>& argv);

}  // namespace kiosk::test
