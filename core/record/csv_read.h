#pragma once
// Reads back a CSV that write_csv() wrote (a simulated run or a --host recording) as samples,
// for File > Open Recording and --recording. A file of another program (no time_s column), a
// row with the wrong number of cells or a cell that is not a number is refused with FILE:LINE
// (and the column); a column this version does not know is skipped and a series without its
// column is absent, each said in `notes`. The per-process columns are not read (the views show
// the processes of a live run only).
#include "record/recorder.h"
#include "util/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace rs {

struct Recording {
    std::vector<std::string> source; // the "# key: value" lines, without "# "
    Recorder rec;                    // zones as the columns name them, one sample per row
    std::vector<std::string> notes;  // skipped and missing columns
    // The value of a source line ("host" -> "vm"); empty when there is none.
    std::string source_value(std::string_view key) const;
};

// Rates (the *_per_s columns) come back as cumulative counters, summed from 0 at the first row
// (rate x interval), so that rates computed from them are the file's. A recording does not
// carry a zone's managed pages: its label takes the largest free or high value of the column.
Result<Recording> parse_recording_csv(std::string_view text, std::string_view source);
Result<Recording> read_recording_csv(const std::string& path);

} // namespace rs
