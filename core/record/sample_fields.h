#pragma once
// The series a Sample holds, as tables like the kernel's vmstat_text[]: each row names a field,
// says how it is read from the kernel and where it shows (its CSV column, its line in the
// counters text). Sampling, the CSV and the counters text all walk these tables; adding a
// series is a Sample field and a row.
#include "record/recorder.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace rs {

struct Kernel;

// A machine-wide series: its column holds the value (a level) or its rate per second.
enum class SampleCsv : std::uint8_t { None, Level, Rate };
// The counters text's sections, in the order the text shows them.
enum class SampleSection : std::uint8_t { None, Vmstat, NodeState, Swap };

struct SampleField {
    std::string_view name; // the /proc/vmstat name where the kernel has one
    std::variant<std::int64_t Sample::*, std::uint64_t Sample::*> field;
    std::int64_t (*read)(const Kernel& k); // null: the simulator does not compute it (absent)
    SampleCsv csv;
    std::string_view csv_name; // empty: name, and name + "_per_s" for a rate
    SampleSection section;
    std::string_view text_name; // empty: name
    // Where a real machine shows it (host/host_sample.cpp reads it): alternatives separated by
    // " | ", the first one the host has wins; each a sum of terms, a term "NAME" (/proc/vmstat),
    // "NAME_*" (the sum of every NAME_ item), "meminfo:KEY" (kB, read as pages) or
    // "psi:some.total" (/proc/pressure/memory), "-" before a term subtracts it. Empty: name.
    std::string_view host = {};
    int decimals = 0; // the value is in units of 10^-decimals (PSI's avg10 "1.23" is 123)
};
inline constexpr std::size_t kMaxSampleFields = 64; // Sample::absent has a bit per row

// Per-zone series (ZoneSample); the text also shows the zone's managed pages.
struct ZoneSampleField {
    std::int64_t ZoneSample::*field;
    std::string_view csv_suffix; // "free_pages" for node0_DMA32_free_pages; empty: no column
    std::string_view text_name;
    int text_indent; // as /proc/zoneinfo indents it
};

std::span<const SampleField> sample_fields();
std::span<const ZoneSampleField> zone_sample_fields();

std::int64_t sample_value(const Sample& s, const SampleField& f);
std::size_t sample_field_index(const SampleField& f); // its row in sample_fields()
bool sample_has(const Sample& s, const SampleField& f); // not absent
// The value as the kernel prints it ("1.23" for 123 with two decimals).
std::string format_field_value(const SampleField& f, std::int64_t v);
// take_sample()'s machine-wide part: every row's value, read from the kernel now.
void read_sample_fields(const Kernel& k, Sample& s);

} // namespace rs
