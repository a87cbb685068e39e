#pragma once
// The trace formats, each in its own file: text_trace.cpp, oracle_general.cpp, csv_trace.cpp.
// Each scans the whole input once (checks, counts) and returns a Trace whose cursors read it
// again while replaying. All throw TraceError.
#include "replay/trace_source.h"

namespace rs::replay {

std::shared_ptr<const Trace> open_text(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                       const TraceOptions& options, bool compressed);
std::shared_ptr<const Trace> open_oracle_general(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                                 const TraceOptions& options, bool compressed);
std::shared_ptr<const Trace> open_csv(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                      const TraceOptions& options, bool compressed);

// A text-form cursor straight on a byte source, without the scan (tests that stream more than
// could be scanned in time).
std::unique_ptr<TraceCursor> text_cursor(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                         const std::string& task);

} // namespace rs::replay
