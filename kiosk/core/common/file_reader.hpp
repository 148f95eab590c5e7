#pragma once
// Reading a whole file that comes from outside the program (a configuration file, the device token,
// an image, a dossier JSON) without trusting it: only regular files, checked on the opened descriptor
// before a byte is read, with a size cap. A directory, a FIFO (which would block), a device such as
// /dev/zero (which never ends) or a symlink loop gets a clear message instead of a hang, an exception
// or an out-of-memory.

#include <cstddef>
#include <string>

#include "kiosk/core/common/result.hpp"

namespace kiosk::core {

/// What readRegularFile checks besides "a regular file no larger than the cap".
struct FileRules {
    std::size_t maxBytes = std::size_t{1024} * 1024;  ///< larger files are refused before reading
    /// true: refuse a file that the group or other users may read or write (a secret such as the
    /// device token must be mode 0600 or 0400).
    bool ownerOnly = false;
};

/// Reads a whole regular file.
/// @param path  the file; symlinks are followed (a loop is reported as such)
/// @param rules size cap and permission rule
/// @return the bytes, or an Error: NotFound (no such file), Io (permission denied, symlink loop, read
///         error) or InvalidInput (a directory, FIFO, device or socket; larger than the cap; readable
///         by others when ownerOnly). The message names the problem, not the path: callers add it.
Result<std::string> readRegularFile(const std::string& path, const FileRules& rules);

}  // namespace kiosk::core
