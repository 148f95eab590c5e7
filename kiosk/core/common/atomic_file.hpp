#pragma once
// Replacing a file so that a crash or a power cut at any moment leaves either the old file or the new
// one, whole, never a mix or an empty file: write a temporary file beside it, fsync it, rename it over
// the target, fsync the folder (so the rename itself is on disk). Used for everything staff mode and
// provisioning write: local.toml, the device token, the PIN hash, the PIN lockout record.
//
// A test (tests/unit/common/AtomicFileTest.cpp) kills a writing process between each pair of steps and
// checks that the target is the old or the new file, whole.

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

/// The steps of writeFileAtomically, in order; a hook sees each one once it is done.
enum class AtomicWriteStep {
    TempWritten,   ///< the temporary file holds every byte (not yet synced)
    TempSynced,    ///< fsync of the temporary file returned
    Renamed,       ///< rename(temp, target) returned
    FolderSynced,  ///< fsync of the folder returned: the change is durable
};

struct AtomicWriteOptions {
    /// Permission bits of the new file (0600: only the kiosk's user reads it). Applied to the
    /// temporary file before any byte is written, so the content is never readable by others.
    std::filesystem::perms mode = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
    /// Tests only: called after each step.
    std::function<void(AtomicWriteStep)> afterStep;
    /// User and group of the new file (set before it replaces the old one), for root writing a file
    /// the kiosk's user must read (`kiosk set-pin`); empty = whoever writes.
    std::optional<std::pair<uid_t, gid_t>> owner = std::nullopt;
};

/// Replaces (or creates) @p target with @p bytes atomically and durably.
/// @param target  the file; its folder must exist
/// @param bytes   the whole new content
/// @param options permissions of the new file, a test hook
/// @return nothing, or an Io error naming the file and the failing step (the target is then
///         unchanged and the temporary file removed)
Result<void> writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                                 const AtomicWriteOptions& options = {});

}  // namespace kiosk::core
