#include "kiosk/app/staff/staff_files.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "kiosk/core/common/atomic_file.hpp"
#include "kiosk/core/common/system_error.hpp"
#include "kiosk/core/staff/pin.hpp"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> readText(const fs::path& file) {
    std::ifstream in{file, std::ios::binary};
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return text.str();
}

}  // namespace

StaffPaths staffPathsFor(const core::Settings& settings) {
    StaffPaths p;
    p.dataDir = settings.operations.dataDir;
    p.pinFile = settings.staff.pinFile.empty() ? p.dataDir / "staff.pin" : fs::path(settings.staff.pinFile);
    p.lockoutFile = p.dataDir / "staff-lockout.json";
    p.auditFile = p.dataDir / "staff-audit.log";
    p.defaultTokenFile = p.dataDir / "device.token";
    return p;
}

core::Result<void> ensureDataDir(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return {};
    fs::create_directories(dir, ec);
    if (ec) return core::fail(core::ErrorKind::Io, dir.string() + ": cannot create the data folder: " + ec.message());
    fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec, ec);
    return {};
}

core::Result<std::string> readPinHash(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        if (errno == ENOENT) return core::fail(core::ErrorKind::NotFound, file.string() + ": no PIN set");
        return core::fail(core::ErrorKind::Io, file.string() + ": cannot be read");
    }
    if (!S_ISREG(st.st_mode)) return core::fail(core::ErrorKind::Io, file.string() + ": not a regular file");
    if ((st.st_mode & (S_IROTH | S_IWOTH)) != 0) {
        return core::fail(core::ErrorKind::Io, file.string() + " is readable by every user; refusing it. Fix: chmod 600 " +
                                                   file.string() + " (or set the PIN again with `kiosk set-pin`)");
    }
    const auto text = readText(file);
    if (!text) return core::fail(core::ErrorKind::Io, file.string() + ": cannot be read (permissions?)");
    auto hash = core::pinHashFromFileText(*text);
    if (!hash) return core::fail(core::ErrorKind::InvalidInput, file.string() + ": " + hash.error().message);
    return hash;
}

core::Result<void> writePinHash(const fs::path& file, const std::string& hash) {
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    if (auto made = ensureDataDir(folder); !made) return made;
    core::AtomicWriteOptions options;
    // Root setting the PIN (`kiosk set-pin` from a shell) gives the file to the owner of its folder,
    // the kiosk's user, who must read it; nobody else can.
    struct stat dir {};
    if (::geteuid() == 0 && ::stat(folder.c_str(), &dir) == 0 && dir.st_uid != 0) options.owner = {{dir.st_uid, dir.st_gid}};
    return core::writeFileAtomically(file, hash + "\n", options);
}

core::PinLockoutRecord readPinLockout(const fs::path& file, std::chrono::sys_seconds now, std::chrono::seconds lockout) {
    std::error_code ec;
    if (!fs::exists(file, ec) && !ec) return {};
    const auto text = readText(file);
    if (text) {
        if (auto record = core::parsePinLockout(*text)) return *record;
    }
    spdlog::warn("staff: the PIN lockout record {} is unreadable; the PIN pad stays locked for {} s", file.string(),
                 lockout.count());
    return core::PinLockoutRecord{0, now + lockout};
}

core::Result<void> writePinLockout(const fs::path& file, const core::PinLockoutRecord& record) {
    if (file.has_parent_path()) {
        if (auto made = ensureDataDir(file.parent_path()); !made) return made;
    }
    return core::writeFileAtomically(file, core::renderPinLockout(record));
}

AuditLog::AuditLog(fs::path file, std::size_t maxBytes) : m_file(std::move(file)), m_maxBytes(maxBytes) {}

void AuditLog::append(const core::AuditEntry& entry) {
    spdlog::info("audit: {}", core::describe(entry));
    const std::string line = core::toJsonLine(entry) + "\n";
    std::lock_guard lock(m_mutex);
    std::error_code ec;
    const auto size = fs::file_size(m_file, ec);
    if (!ec && size + line.size() > m_maxBytes) {
        // Keep the newest half, whole lines only, replaced atomically so the log is never lost.
        if (auto text = readText(m_file)) {
            std::size_t cut = text->size() > m_maxBytes / 2 ? text->size() - m_maxBytes / 2 : 0;
            cut = text->find('\n', cut);
            const std::string kept = cut == std::string::npos ? std::string() : text->substr(cut + 1);
            if (auto written = core::writeFileAtomically(m_file, kept, {.mode = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read, .afterStep = {}});
                !written) {
                spdlog::warn("audit log: {}", written.error().message);
            }
        }
    }
    const int fd = ::open(m_file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0) {
        spdlog::warn("audit log {} cannot be written: {}", m_file.string(), core::systemErrorText(errno));
        return;
    }
    const ssize_t written = ::write(fd, line.data(), line.size());
    if (written != static_cast<ssize_t>(line.size())) spdlog::warn("audit log {}: short write", m_file.string());
    ::close(fd);
}

std::vector<core::AuditEntry> AuditLog::newest(std::size_t max) const {
    std::lock_guard lock(m_mutex);
    const auto text = readText(m_file);
    if (!text) return {};
    return core::newestEntries(*text, max);
}

}  // namespace kiosk::app
