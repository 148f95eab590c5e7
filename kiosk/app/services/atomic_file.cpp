#include "kiosk/app/services/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace kiosk::app {

core::Result<void> writeFileAtomically(const std::filesystem::path& file, std::string_view text, mode_t mode) {
    const std::string temp = file.string() + ".tmp." + std::to_string(::getpid());
    auto failed = [&](const char* what) {
        const int error = errno;
        ::unlink(temp.c_str());
        return core::fail(core::ErrorKind::Io, file.string() + ": " + what + ": " + std::strerror(error));
    };
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) return failed("cannot create the temporary file");
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            return failed("cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    // The umask may have narrowed `mode`; the reader needs exactly it.
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
        ::close(fd);
        return failed("cannot sync");
    }
    if (::close(fd) != 0) return failed("cannot close");
    if (::rename(temp.c_str(), file.c_str()) != 0) return failed("cannot rename into place");
    return {};
}

}  // namespace kiosk::app
