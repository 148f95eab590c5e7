#include "kiosk/core/common/file_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <system_error>

#include "kiosk/core/common/system_error.hpp"

namespace kiosk::core {
namespace {

/// Closes the descriptor on every return path.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};


std::string openProblem(int error) {
    switch (error) {
        case ENOENT: return "no such file";
        case ELOOP: return "a symlink loop (too many levels of symbolic links)";
        case EACCES:
        case EPERM: return "permission denied";
        case ENOTDIR: return "a part of the path is not a folder";
        case ENAMETOOLONG: return "the path is too long";
        default: return systemErrorText(error);
    }
}

std::string kindOfFile(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

}  // namespace

Result<std::string> readRegularFile(const std::string& path, const FileRules& rules) {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise block here, before fstat can refuse it.
    const Fd fd{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (fd.get() < 0) {
        const int error = errno;
        return fail(error == ENOENT ? ErrorKind::NotFound : ErrorKind::Io, "cannot read: " + openProblem(error));
    }
    // Checked on the descriptor that will be read, so the file cannot be swapped in between.
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return fail(ErrorKind::Io, "cannot read: " + systemErrorText(errno));
    if (!S_ISREG(st.st_mode)) {
        return fail(ErrorKind::InvalidInput, "cannot read: " + kindOfFile(st.st_mode) + ", not a regular file");
    }
    if (rules.ownerOnly && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        return fail(ErrorKind::InvalidInput,
                    std::string{"mode "} + mode + " lets other users read it; it must be owner-only (chmod 600)");
    }
    if (st.st_size < 0 || static_cast<std::size_t>(st.st_size) > rules.maxBytes) {
        return fail(ErrorKind::InvalidInput, "larger than the limit of " + std::to_string(rules.maxBytes) + " bytes");
    }
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    // Read past the announced size, up to one byte over the cap: a file that grows while it is read
    // (or a /proc file that announces 0 bytes) is still capped.
    for (;;) {
        if (got == bytes.size()) {
            if (got > rules.maxBytes) {
                return fail(ErrorKind::InvalidInput, "larger than the limit of " + std::to_string(rules.maxBytes) + " bytes");
            }
            bytes.resize(std::min(rules.maxBytes + 1, std::max<std::size_t>(got * 2, 4096)));
        }
        const ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(ErrorKind::Io, "cannot read: " + systemErrorText(errno));
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

}  // namespace kiosk::core
