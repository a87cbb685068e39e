#pragma once
// Every file ReclaimScope reads or writes goes through these two functions, so that no input
// can hang or eat the host and no output can destroy what it is asked to write to.
#include "util/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rs {

// Size limits of the inputs (documented in docs/scenario-format.md).
inline constexpr std::uint64_t kScenarioFileLimit = 16ull << 20; // scenario files, zoneinfo text
inline constexpr std::uint64_t kTraceFileLimit = 256ull << 20;   // a text trace read whole

// nullopt when `path` names a regular file, else "cannot read 'PATH': REASON" (a FIFO, a
// device, a directory, a missing file). Checked before a file is opened: a FIFO never blocks.
std::optional<std::string> check_input_file(const std::string& path);

// Reads a whole input file. Refused with "cannot read 'PATH': REASON": anything but a regular
// file (a FIFO, a device, a directory: never opened, so never blocks), a file larger than
// `limit` (also a /proc-style file whose size shows as 0 but reads on), a read error. A UTF-8
// byte-order mark is dropped; text that is not UTF-8 (UTF-16, a binary file) is refused as
// "PATH:LINE:COLUMN: ..." where it fails.
Result<std::string> read_text_file(const std::string& path, std::uint64_t limit);

// The first place `text` is not UTF-8, as "LINE:COLUMN: ..." (nullopt: valid). A UTF-16
// byte-order mark or NUL bytes say UTF-16.
std::optional<std::string> utf8_error(std::string_view text);

// Writes `bytes` to `path`, whole or not at all.
// - A regular file or a new name: through a temporary file in the same directory, flushed,
//   fsync()ed and renamed over the target only when every write succeeded; the old file is kept
//   on any failure and its permission bits carry over.
// - "-", /dev/stdout, a FIFO, a character device: written to directly (they are streams), and
//   a failed write is reported.
// - A read-only target (no write bit, even for root), a directory, an empty name: refused.
// Returns nullopt on success, else "cannot write PATH: REASON" with errno's text.
std::optional<std::string> write_output_file(const std::string& path, std::string_view bytes);

// write_output_file() for an output too large to hold in memory: the same targets, checks and
// messages, written piece by piece. A regular file or a new name is written to a temporary file
// renamed over the target by commit(); destroyed without commit() (or after a failed write),
// the temporary is removed and the target is untouched.
class OutputFile {
public:
    // Checks the target and opens what is written to; fails with write_output_file()'s messages.
    static Result<std::unique_ptr<OutputFile>> open(const std::string& path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    // Appends bytes (buffered). After a failure every call fails with the first error.
    std::optional<std::string> write(std::string_view bytes);
    // Flushes, fsync()s and renames the temporary over the target (a stream: flushes).
    std::optional<std::string> commit();

private:
    OutputFile() = default;
    std::optional<std::string> flush();
    std::string m_path, m_target, m_tmp; // m_tmp empty: written in place (a stream or device)
    int m_fd = -1;
    bool m_close = false; // a descriptor of our own (not stdout)
    bool m_has_old = false;
    unsigned m_old_uid = 0, m_old_gid = 0, m_old_mode = 0;
    std::string m_buf;
    std::optional<std::string> m_error;
    bool m_done = false;
};

} // namespace rs
