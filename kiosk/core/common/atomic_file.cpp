#include "kiosk/core/common/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

#include "kiosk/core/common/system_error.hpp"

namespace kiosk::core {
namespace {

std::string errnoText() { return systemErrorText(errno); }

/// Closes a descriptor on every path out of the function.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

bool writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

Result<void> writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                                 const AtomicWriteOptions& options) {
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    // A unique temporary name in the same folder (rename is atomic only within one file system); a
    // leftover from an earlier crash never collides and is harmless.
    std::random_device random;
    const std::filesystem::path temp =
        folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    const auto step = [&](AtomicWriteStep s) {
        if (options.afterStep) options.afterStep(s);
    };
    auto failWith = [&](const std::string& what) -> Result<void> {
        const std::string message = target.string() + ": " + what + ": " + errnoText();
        ::unlink(temp.c_str());
        return fail(ErrorKind::Io, message);
    };

    Fd file;
    file.fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(options.mode));
    if (file.fd < 0) return failWith("cannot create a temporary file beside it");
    // open() applies the umask; fchmod gives exactly the mode asked for, before any byte is written.
    if (::fchmod(file.fd, static_cast<mode_t>(options.mode)) != 0) return failWith("cannot set its permissions");
    if (options.owner && ::fchown(file.fd, options.owner->first, options.owner->second) != 0) {
        return failWith("cannot give it to its owner");
    }
    if (!writeAll(file.fd, bytes)) return failWith("cannot write");
    step(AtomicWriteStep::TempWritten);
    if (::fsync(file.fd) != 0) return failWith("cannot sync");
    step(AtomicWriteStep::TempSynced);
    if (::close(file.fd) != 0) {
        file.fd = -1;
        return failWith("cannot close");
    }
    file.fd = -1;
    if (::rename(temp.c_str(), target.c_str()) != 0) return failWith("cannot replace the file");
    step(AtomicWriteStep::Renamed);
    Fd dir;
    dir.fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir.fd < 0 || ::fsync(dir.fd) != 0) {
        // The new file is in place; only its durability across a power cut is in doubt.
        return fail(ErrorKind::Io, target.string() + ": replaced, but syncing its folder failed: " + errnoText());
    }
    step(AtomicWriteStep::FolderSynced);
    return {};
}

}  // namespace kiosk::core
