// record/frame_builder: each frame carries exactly the samples and events recorded since the
// previous one, across the recorder's thinnings, and the kernel's state of the moment.
#include "machine_helpers.h"
#include "procfs/meminfo.h"
#include "procfs/swaps.h"
#include "procfs/vmstat.h"
#include "procfs/zoneinfo.h"
#include "record/frame_builder.h"
#include "sim/engine.h"

#include <catch2/catch.hpp>

#include <initializer_list>

using namespace rs;

namespace {

Sample sample_at(std::int64_t t_ns) {
    Sample s;
    s.t_ns = t_ns;
    return s;
}

void add_samples(Recorder& rec, std::initializer_list<std::int64_t> times) {
    for (std::int64_t t : times) rec.add(sample_at(t));
}

std::vector<std::int64_t> times_of(const FrameData& f) {
    std::vector<std::int64_t> out;
    for (const auto& s : f.samples) out.push_back(s.t_ns);
    return out;
}

using Times = std::vector<std::int64_t>;

FrameData next_frame(FrameBuilder& fb, const Recorder& rec, const std::vector<Event>& events) {
    FrameData f;
    fb.take_new(rec, events, f);
    return f;
}

} // namespace

TEST_CASE("frames carry each sample once and in order") {
    Recorder rec;
    FrameBuilder fb;
    std::vector<Event> events;
    add_samples(rec, {0, 10, 20});
    const FrameData a = next_frame(fb, rec, events);
    CHECK(times_of(a) == Times{0, 10, 20});
    CHECK(a.thin_rounds == 0);
    CHECK(a.thin_before_ns == -1);

    const FrameData none = next_frame(fb, rec, events);
    CHECK(none.samples.empty());

    add_samples(rec, {30, 40});
    const FrameData b = next_frame(fb, rec, events);
    CHECK(times_of(b) == Times{30, 40});
}

TEST_CASE("frames select new samples by index so a second sample at the same time travels") {
    // A sysctl write samples at once: two samples at t = 20. Chosen by time, the second would
    // be taken for one already sent.
    Recorder rec;
    FrameBuilder fb;
    std::vector<Event> events;
    add_samples(rec, {0, 10, 20});
    const FrameData a = next_frame(fb, rec, events);
    Sample written = sample_at(20);
    written.oom_kills = 7; // tell it apart from the first sample at 20
    rec.add(written);
    const FrameData b = next_frame(fb, rec, events);
    REQUIRE(b.samples.size() == 1);
    CHECK(b.samples[0].t_ns == 20);
    CHECK(b.samples[0].oom_kills == 7);
}

TEST_CASE("after a thinning the next frame starts after the last time sent") {
    Recorder rec;
    rec.max_samples = 4;
    FrameBuilder fb;
    std::vector<Event> events;
    add_samples(rec, {0, 10, 20, 30});
    const FrameData a = next_frame(fb, rec, events);
    CHECK(times_of(a) == Times{0, 10, 20, 30});
    // The fifth sample thins the older half {0, 10} to {0}: the recorder holds 0 20 30 40, and
    // 40, at index 3 now, is the only new one.
    add_samples(rec, {40});
    REQUIRE(rec.thin_count == 1);
    const FrameData b = next_frame(fb, rec, events);
    CHECK(times_of(b) == Times{40});
    CHECK(b.thin_rounds == 1);
    CHECK(b.thin_before_ns == 20); // the first sample of the newer half at the thinning
    const FrameData c = next_frame(fb, rec, events);
    CHECK(c.samples.empty());
    CHECK(c.thin_rounds == 0); // told once
}

TEST_CASE("two thinnings between frames are reported together") {
    Recorder rec;
    rec.max_samples = 4;
    FrameBuilder fb;
    std::vector<Event> events;
    add_samples(rec, {0, 10});
    const FrameData a = next_frame(fb, rec, events);
    CHECK(times_of(a) == Times{0, 10});
    // 0 10 20 30 + 40: thinned to 0 20 30 40 (before 20); + 50: thinned to 0 30 40 50 (before 30).
    add_samples(rec, {20, 30, 40, 50});
    REQUIRE(rec.thin_count == 2);
    const FrameData b = next_frame(fb, rec, events);
    CHECK(times_of(b) == Times{30, 40, 50}); // 20 was thinned out before it was sent
    CHECK(b.thin_rounds == 2);
    CHECK(b.thin_before_ns == 30);
}

TEST_CASE("frames carry the events since the previous frame") {
    Recorder rec;
    FrameBuilder fb;
    std::vector<Event> events{{5, EventType::KswapdWake, 0, "kswapd0 woke"}, {8, EventType::KswapdSleep, 0, "slept"}};
    const FrameData a = next_frame(fb, rec, events);
    REQUIRE(a.events.size() == 2);
    CHECK(a.events[0].text == "kswapd0 woke");
    CHECK(a.events[1].t_ns == 8);
    events.push_back({12, EventType::OomKill, -1, "killed 3"});
    const FrameData b = next_frame(fb, rec, events);
    REQUIRE(b.events.size() == 1);
    CHECK(b.events[0].type == EventType::OomKill);
    CHECK(b.events[0].text == "killed 3");
    const FrameData c = next_frame(fb, rec, events);
    CHECK(c.events.empty());
}

TEST_CASE("a restarted frame builder sends everything of the new run") {
    Recorder rec;
    FrameBuilder fb;
    std::vector<Event> events{{0, EventType::Note, -1, "boot"}};
    add_samples(rec, {0, 10});
    const FrameData a = next_frame(fb, rec, events);
    fb.restart();
    Recorder fresh;
    add_samples(fresh, {0});
    const FrameData b = next_frame(fb, fresh, events);
    CHECK(times_of(b) == Times{0});
    CHECK(b.events.size() == 1);
}

TEST_CASE("a frame built from an engine holds the kernel's state of the moment") {
    EngineConfig c;
    c.machine = x86_zones(3976, 200000, 300000);
    c.sample_interval_ns = 10'000'000;
    c.swap_devices.push_back(SwapDeviceSpec{.name = "/dev/sdb1", .size_bytes = 64ull << 20, .kind = SwapKind::SSD});
    auto created = Engine::create(c);
    REQUIRE(created);
    Engine& e = *created.value();
    FrameBuilder fb;
    e.run_until(0);
    FrameData first;
    fb.build(e.kernel(), e.recorder(), FrameWants{}, first);
    CHECK(times_of(first) == Times{0});
    CHECK(first.sim_time_ns == 0);
    CHECK(first.totalram_pages == 3976 + 200000 + 300000); // managed pages of the zones
    CHECK(first.nr_zone_types == 5);                       // DMA DMA32 Normal Movable Device
    REQUIRE(first.zones.size() == 5);
    CHECK(first.zones[1].name == "DMA32");
    REQUIRE(first.swap.size() == 1);
    CHECK(first.swap[0].name == "/dev/sdb1");
    CHECK(first.swap[0].max == (64u << 20) / 4096); // slots, the header included
    // The /proc texts only when asked for.
    CHECK(first.proc_zoneinfo.empty());
    CHECK(first.proc_vmstat.empty());
    CHECK(first.proc_meminfo.empty());
    CHECK(first.proc_swaps.empty());

    e.run_until(50'000'000);
    FrameData second;
    fb.build(e.kernel(), e.recorder(), FrameWants{.proc_texts = true}, second);
    CHECK(times_of(second) == Times{10'000'000, 20'000'000, 30'000'000, 40'000'000, 50'000'000});
    CHECK(second.sim_time_ns == 50'000'000);
    CHECK(second.proc_zoneinfo == format_zoneinfo(e.kernel().machine));
    CHECK(second.proc_vmstat == format_vmstat(e.kernel()));
    CHECK(second.proc_meminfo == format_meminfo(e.kernel()));
    CHECK(second.proc_swaps == format_swaps(e.kernel()));
    CHECK(second.proc_swaps.find("/dev/sdb1") != std::string::npos);

    // A sysctl write samples at once, at the same time as the last sample sent, and logs an event.
    const std::size_t events_before = e.kernel().events.items.size();
    e.write_sysctl(SysctlWrite{"vm.min_free_kbytes", {20000}});
    FrameData third;
    fb.build(e.kernel(), e.recorder(), FrameWants{}, third);
    CHECK(times_of(third) == Times{50'000'000});
    REQUIRE(third.events.size() == 1);
    CHECK(e.kernel().events.items.size() == events_before + 1);
    CHECK(third.events[0].type == EventType::SysctlChange);
    CHECK(third.events[0].text == "vm.min_free_kbytes = 20000");
    CHECK(third.sysctl.min_free_kbytes == 20000);
}
