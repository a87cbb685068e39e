// The traces a "replay" phase reads (core/replay: text, libCacheSim's oracleGeneral and CSV,
// each optionally zstd-compressed), and parse_trace, the text form read whole.
#include "replay/formats.h"
#include "scenario/load_internal.h"

#include <filesystem>

namespace rs::load {

namespace {

replay::TraceOptions trace_options(const json& v, const std::string& ptr, const std::string& task) {
    replay::TraceOptions opt;
    opt.task = task;
    if (v.contains("format")) {
        const std::string f = need_string(v["format"], ptr + "/format");
        if (f == "text") opt.format = replay::Format::Text;
        else if (f == "oracleGeneral") opt.format = replay::Format::OracleGeneral;
        else if (f == "csv") opt.format = replay::Format::Csv;
        else fail(ptr + "/format", "expected \"text\", \"oracleGeneral\" or \"csv\", got " + show(v["format"]));
    }
    if (v.contains("one_page_per_request"))
        opt.one_page_per_request = need_bool(v["one_page_per_request"], ptr + "/one_page_per_request");
    return opt;
}

std::shared_ptr<const replay::Trace> open_cached(const Context& ctx, const std::string& path, const replay::TraceOptions& opt,
                                                 const std::string& ptr) {
    const std::string full = std::filesystem::path(path).is_absolute() || ctx.base_dir.empty()
                                 ? path
                                 : (std::filesystem::path(ctx.base_dir) / path).string();
    const replay::Format f = opt.format == replay::Format::Auto ? replay::detect_format(path) : opt.format;
    const std::string key = full + '\n' + replay::format_name(f) + (f == replay::Format::Text ? "\n" + opt.task : "") +
                            (opt.one_page_per_request ? "\n1" : "");
    if (auto it = ctx.traces.find(key); it != ctx.traces.end()) return it->second;
    try {
        std::unique_ptr<replay::ByteSource> bytes;
        if (ctx.stream_files) {
            bytes = replay::open_file(full, path, ctx.control);
        } else {
            auto r = ctx.read_file(full);
            if (!r) fail(ptr, r.error());
            bytes = replay::memory_source(std::make_shared<const std::string>(std::move(r).value()));
        }
        replay::TraceOptions o = opt;
        o.format = f;
        auto t = replay::open_trace(std::move(bytes), path, o);
        ctx.traces.emplace(key, t);
        return t;
    } catch (const replay::TraceError& e) {
        fail(ptr, e.what());
    }
}

} // namespace

std::shared_ptr<const replay::Trace> open_replay_trace(const json& v, const std::string& ptr, const std::string& path,
                                                       const std::string& task, const Context& ctx) {
    const std::string ap = ptr + "/replay";
    auto trace = open_cached(ctx, path, trace_options(v, ptr, task), ap);
    if (trace->info().refs == 0)
        fail(ap, trace->info().format == replay::Format::Text ? "the trace " + path + " has no accesses for task '" + task + "'"
                                                              : "the trace " + path + " has no requests");
    return trace;
}

} // namespace rs::load

namespace rs {

Result<std::vector<std::uint32_t>> parse_trace(std::string_view text, const std::string& source, const std::string& task) {
    using R = Result<std::vector<std::uint32_t>>;
    // The replay's own parser, through a cursor, so the messages are the replay's.
    auto cursor = replay::text_cursor(replay::memory_source(std::make_shared<const std::string>(text)), source, task);
    std::vector<std::uint32_t> out;
    std::uint32_t page = 0;
    while (cursor->at(out.size(), false, page)) out.push_back(page);
    if (!cursor->error().empty()) return R::failure(cursor->error());
    return out;
}

} // namespace rs
