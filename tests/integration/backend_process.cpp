#include "backend_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace kiosk::test {
namespace {

// stderrFd: a descriptor, or -1 (discarded).
pid_t spawn(const std::vector<std::string>& argv, int& stdoutFd, int stderrFd = -1) {
    int fds[2];
    if (::pipe(fds) != 0) return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], 1);
        ::dup2(stderrFd >= 0 ? stderrFd : ::open("/dev/null", O_WRONLY), 2);
        ::close(fds[0]);
        ::close(fds[1]);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    stdoutFd = fds[0];
    return pid;
}

}  // namespace

BackendProcess::BackendProcess(std::vector<std::string> args) {
    static int counter = 0;
    m_dbPath = (std::filesystem::temp_directory_path() /
                ("refbackend-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".sqlite"))
                   .string();
    // A test may name its own address (a backend restarted on the same port) and database (kept
    // across restarts; then the test removes it).
    const bool ownListen = std::ranges::find(args, "--listen") != args.end();
    const bool ownDb = std::ranges::find(args, "--db") != args.end();
    if (ownDb) m_dbPath.clear();
    std::vector<std::string> argv = {REFBACKEND_EXE};
    if (!ownListen) argv.insert(argv.end(), {"--listen", "127.0.0.1:0"});
    if (!ownDb) argv.insert(argv.end(), {"--db", m_dbPath});
    argv.insert(argv.end(), args.begin(), args.end());
    // The contract tests (tests/integration/contract) validate every answer served during the tests.
    if (const char* dir = std::getenv("KIOSK_CONTRACT_RECORD_DIR"); dir != nullptr && *dir != '\0') {
        argv.push_back("--record");
        argv.push_back(std::string{dir} + "/" + std::to_string(::getpid()) + "-" + std::to_string(counter - 1) + ".jsonl");
    }
    int fd = -1;
    m_pid = spawn(argv, fd);
    if (m_pid < 0) return;
    FILE* out = ::fdopen(fd, "r");
    char line[4096];
    bool first = true;
    while (std::fgets(line, sizeof line, out) != nullptr) {
        std::string s{line};
        if (!s.empty() && s.back() == '\n') s.pop_back();
        if (first) {
            m_firstLine = s;
            first = false;
            const auto colon = s.rfind(':');
            if (s.starts_with("listening on ") && colon != std::string::npos) m_port = std::stoi(s.substr(colon + 1));
            continue;
        }
        if (s == "ready") break;
        std::istringstream in{s};
        std::string kind, a, b, c;
        in >> kind >> a >> b >> c;
        if (kind == "dossier") {
            std::string state;
            in >> state;
            m_dossiers.push_back({a, std::stoi(c), state == "overdue"});
        } else if (kind == "token") {
            m_tokens[a] = c;
        }
    }
    // Nothing more is written to stdout after "ready" (request logs go to stderr).
    std::fclose(out);
}

BackendProcess::~BackendProcess() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    if (m_dbPath.empty()) return;
    std::error_code ec;
    std::filesystem::remove(m_dbPath, ec);
    std::filesystem::remove(m_dbPath + "-wal", ec);
    std::filesystem::remove(m_dbPath + "-shm", ec);
}

int runCapture(const std::vector<std::string>& argv, std::string& out, std::string* err) {
    // stderr goes to an unlinked temporary file (no second pipe to drain while reading stdout).
    FILE* errFile = err != nullptr ? std::tmpfile() : nullptr;
    int fd = -1;
    const pid_t pid = spawn(argv, fd, errFile != nullptr ? ::fileno(errFile) : -1);
    if (pid < 0) return -1;
    char buf[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (errFile != nullptr) {
        std::rewind(errFile);
        while (std::fgets(buf, sizeof buf, errFile) != nullptr) err->append(buf);
        std::fclose(errFile);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

CommandRun runCombined(const std::vector<std::string>& argv) {
    // posix_spawn, not fork: the tests that call this may have threads running (a slow printer).
    int fds[2];
    // Close-on-exec: no other child started meanwhile keeps the write end (and this read) open.
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    CommandRun run;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    const int fd = fds[0];
    if (rc != 0) {
        ::close(fd);
        throw std::runtime_error("cannot start " + argv.front() + ": " + std::strerror(rc));
    }
    char buf[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) run.out.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    int status = 0;
    ::waitpid(pid, &status, 0);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return run;
}

}  // namespace kiosk::test
