#pragma once
// Writing a file that a reader (node_exporter, an operator's tail) must never see half-written: the
// text goes to a temporary file in the same folder, is synced, then renamed over the target, so a
// reader sees the old file or the new one (rename(2) is atomic within a file system).

#include <filesystem>
#include <string_view>
#include <sys/types.h>

#include "kiosk/core/common/result.hpp"

namespace kiosk::app {

/// Replaces `file` with `text` atomically. The folder must exist.
/// @param mode the new file's permission bits (0644: readable by a collector running as another user)
/// @return nothing, or an Io error naming the file and the system's reason (the old file is untouched)
core::Result<void> writeFileAtomically(const std::filesystem::path& file, std::string_view text, mode_t mode = 0644);

}  // namespace kiosk::app
