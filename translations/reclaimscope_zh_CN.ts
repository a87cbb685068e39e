<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;h3&gt;ReclaimScope %1&lt;/h3&gt;&lt;p&gt;Simulates the Linux kernel&apos;s memory reclaim and shows it live. Watermarks follow mm/page_alloc.c (__setup_per_zone_wmarks), kswapd follows mm/vmscan.c.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Version:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Commit:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Licence:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Simulated kernel:&lt;/td&gt;&lt;td&gt;Linux %4 rules by default (--kernel chooses another release)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Home:&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;%5&quot;&gt;%5&lt;/a&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;ReclaimScope %1&lt;/h3&gt;&lt;p&gt;模拟 Linux 内核的内存回收并实时展示。水线遵循 mm/page_alloc.c（__setup_per_zone_wmarks），kswapd 遵循 mm/vmscan.c。&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;版本：&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;提交：&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;许可证：&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;模拟的内核：&lt;/td&gt;&lt;td&gt;默认遵循 Linux %4 的规则（--kernel 可选择其他版本）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;主页：&lt;/td&gt;&lt;td&gt;&lt;a href=&quot;%5&quot;&gt;%5&lt;/a&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>About ReclaimScope</source>
        <translation>关于 ReclaimScope</translation>
    </message>
</context>
<context>
    <name>BigPicture</name>
    <message>
        <source>The page allocator&apos;s entry point. Tries the fast path at the low watermark and falls back to the slow path.</source>
        <translation>页分配器的入口。先以低水线尝试快速路径，失败后转入慢速路径。</translation>
    </message>
    <message>
        <source>Walks the zonelist and takes a page from the first zone whose free pages pass the watermark check (with lowmem_reserve); may try node_reclaim first when zone_reclaim_mode is set.</source>
        <translation>遍历 zonelist，从第一个空闲页通过水线检查（计入 lowmem_reserve）的 zone 中取一页；设置了 zone_reclaim_mode 时可能先尝试 node_reclaim。</translation>
    </message>
    <message>
        <source>The slow path: wakes kswapd, retries at the min watermark, reclaims directly, retries while should_reclaim_retry() sees progress, and finally calls the OOM killer.</source>
        <translation>慢速路径：唤醒 kswapd，以最低水线重试，进行直接回收，只要 should_reclaim_retry() 看到进展就继续重试，最后调用 OOM killer。</translation>
    </message>
    <message>
        <source>Wakes the kswapd of every node in the zonelist, recording the order and highest zone asked for.</source>
        <translation>唤醒 zonelist 中每个节点的 kswapd，并记录所请求的 order 和最高 zone。</translation>
    </message>
    <message>
        <source>Wakes one node&apos;s kswapd unless the node is already balanced or kswapd has failed too often (kswapd_failures).</source>
        <translation>唤醒一个节点的 kswapd，除非该节点已经平衡，或 kswapd 失败次数过多（kswapd_failures）。</translation>
    </message>
    <message>
        <source>The allocating task reclaims pages itself (a stall), then retries the free lists.</source>
        <translation>分配内存的任务自己回收页面（一次停顿），然后重新尝试从空闲链表分配。</translation>
    </message>
    <message>
        <source>Direct reclaim: may throttle the task when the node&apos;s reserves are low (throttle_direct_reclaim), then reclaims through do_try_to_free_pages().</source>
        <translation>直接回收：节点的保留内存不足时可能对任务节流（throttle_direct_reclaim），然后通过 do_try_to_free_pages() 回收。</translation>
    </message>
    <message>
        <source>Reclaims at falling priority (DEF_PRIORITY 12 down to 0) until enough pages are freed.</source>
        <translation>以逐步降低的优先级（DEF_PRIORITY 12 降到 0）回收，直到释放足够的页。</translation>
    </message>
    <message>
        <source>Shrinks every node of the zonelist&apos;s eligible zones, once per node.</source>
        <translation>收缩 zonelist 中符合条件的 zone 所在的每个节点，每个节点一次。</translation>
    </message>
    <message>
        <source>Decides whether the slow path tries again: is there enough reclaimable memory that the watermark could still be met? Gives up after MAX_RECLAIM_RETRIES without progress.</source>
        <translation>决定慢速路径是否再试一次：可回收内存是否足够，使水线仍有可能满足？连续 MAX_RECLAIM_RETRIES 次没有进展后放弃。</translation>
    </message>
    <message>
        <source>The last resort before failing: takes the OOM lock and calls out_of_memory() if the allocation may not fail.</source>
        <translation>失败前的最后手段：获取 OOM 锁，若该分配不允许失败，则调用 out_of_memory()。</translation>
    </message>
    <message>
        <source>Chooses the process with the highest badness (RSS + swap + page tables, adjusted by oom_score_adj; a swapoff in progress first) and kills it.</source>
        <translation>选出 badness 最高的进程（RSS + 交换分区用量 + 页表，按 oom_score_adj 调整；正在进行的 swapoff 优先）并杀死它。</translation>
    </message>
    <message>
        <source>Kills the victim and frees its memory (the OOM reaper), logging &apos;Out of memory: Killed process&apos;.</source>
        <translation>杀死受害进程并释放其内存（OOM reaper），记录日志 &apos;Out of memory: Killed process&apos;。</translation>
    </message>
    <message>
        <source>With zone_reclaim_mode, reclaims from the local node before falling back to a remote one.</source>
        <translation>设置 zone_reclaim_mode 时，先从本地节点回收，再回退到远端节点。</translation>
    </message>
    <message>
        <source>The per-node reclaim thread: sleeps until woken, then balances the node and goes back to sleep after a 100 ms nap.</source>
        <translation>每个节点的回收线程：睡眠直到被唤醒，然后平衡该节点，小睡 100 ms 后重新进入睡眠。</translation>
    </message>
    <message>
        <source>kswapd&apos;s main loop: reclaims at falling priority until some eligible zone is above its high watermark (pgdat_balanced), boost reclaim first.</source>
        <translation>kswapd 的主循环：以逐步降低的优先级回收，直到某个符合条件的 zone 高于其高水线（pgdat_balanced），先做水线提升（boost）回收。</translation>
    </message>
    <message>
        <source>One round of kswapd reclaim on its node, aiming at the high watermark of the zones it balances.</source>
        <translation>kswapd 在其节点上的一轮回收，目标是它所平衡的各 zone 的高水线。</translation>
    </message>
    <message>
        <source>Naps 100 ms (HZ/10); if the node is still balanced, sleeps until the next wake-up, else goes back to balance_pgdat (kswapd_high_wmark_hit_quickly).</source>
        <translation>小睡 100 ms（HZ/10）；若节点仍然平衡，则睡眠到下次唤醒，否则回到 balance_pgdat（kswapd_high_wmark_hit_quickly）。</translation>
    </message>
    <message>
        <source>Reclaims from one node: the LRU lists (shrink_lruvec) and the slab caches (shrink_slab), checking reclaim progress.</source>
        <translation>从一个节点回收：LRU 链表（shrink_lruvec）和 slab 缓存（shrink_slab），并检查回收进展。</translation>
    </message>
    <message>
        <source>Splits the scan between the four evictable lists by get_scan_count() and scans them in batches of 32 until the target is met.</source>
        <translation>通过 get_scan_count() 把扫描量分配到四个可回收链表，每批扫描 32 页，直到达到目标。</translation>
    </message>
    <message>
        <source>Balances anonymous against file pages by swappiness and the recent cost of each (refaults, rotations); scans only file pages without swap or in cache-trim mode.</source>
        <translation>按 swappiness 和各自的近期代价（refault、轮转）平衡匿名页与文件页；没有交换分区或处于 cache-trim 模式时只扫描文件页。</translation>
    </message>
    <message>
        <source>Dispatches one list: active lists are aged (deactivated) when their inactive list is low, inactive lists are reclaimed.</source>
        <translation>分派一个链表：对应的不活跃链表偏短时，老化（去激活）活跃链表；不活跃链表则被回收。</translation>
    </message>
    <message>
        <source>Moves pages from an active list to its inactive list; referenced executable file pages stay active.</source>
        <translation>把页从活跃链表移到对应的不活跃链表；被引用的可执行文件页保持活跃。</translation>
    </message>
    <message>
        <source>Isolates a batch from the tail of an inactive list and reclaims it with shrink_folio_list().</source>
        <translation>从不活跃链表尾部隔离一批页，并用 shrink_folio_list() 回收。</translation>
    </message>
    <message>
        <source>Takes pages off the tail of an LRU list for reclaim, skipping pages of zones above the allocation&apos;s reach (pgskip).</source>
        <translation>从 LRU 链表尾部取下页面供回收，跳过本次分配够不着的较高 zone 中的页（pgskip）。</translation>
    </message>
    <message>
        <source>Decides each isolated page&apos;s fate: keep, activate, write out (pageout for swap), or free it (__remove_mapping).</source>
        <translation>决定每个被隔离页的去向：保留、激活、写出（交换页用 pageout）或释放（__remove_mapping）。</translation>
    </message>
    <message>
        <source>Were the page&apos;s PTEs or PG_referenced set since the last scan? Referenced pages are activated or kept.</source>
        <translation>自上次扫描以来，该页的 PTE 或 PG_referenced 是否被置位？被引用的页会被激活或保留。</translation>
    </message>
    <message>
        <source>Writes a dirty swap-backed page to its swap slot (file pages are written by the flusher, not here, since 6.x).</source>
        <translation>把以交换分区为后备的脏页写到它的槽位（自 6.x 起，文件页由 flusher 线程写回，而不是在这里）。</translation>
    </message>
    <message>
        <source>Takes the page out of the page cache or swap cache, leaving a shadow entry, and frees it.</source>
        <translation>把页从页缓存或交换缓存中移除，留下一个 shadow 项，然后释放它。</translation>
    </message>
    <message>
        <source>Runs the shrinkers (dentries, inodes) in proportion to the LRU pages scanned, scaled by vfs_cache_pressure.</source>
        <translation>按已扫描的 LRU 页数成比例地运行 shrinker（dentry、inode），并按 vfs_cache_pressure 缩放。</translation>
    </message>
    <message>
        <source>Records when the page was evicted (a shadow entry) so a refault can measure its distance.</source>
        <translation>记录页被驱逐的时刻（一个 shadow 项），以便 refault 时测量其距离。</translation>
    </message>
    <message>
        <source>A page comes back soon after eviction: if its refault distance is shorter than the active list, it is activated at once.</source>
        <translation>页在驱逐后不久又被访问：若其 refault 距离短于活跃链表，则立即激活。</translation>
    </message>
    <message>
        <source>Throttles a writer when dirty pages exceed the dirty limits and wakes the flusher above the background limit.</source>
        <translation>脏页超过脏页上限时对写者节流，超过后台回写阈值时唤醒 flusher 线程。</translation>
    </message>
    <message>
        <source>The flusher: writes dirty page cache back to disk, oldest first.</source>
        <translation>flusher 线程：把脏的页缓存写回磁盘，最旧的优先。</translation>
    </message>
</context>
<context>
    <name>BigPictureCanvas</name>
    <message>
        <source>The reclaim call graph. Colour and edge width follow each function&apos;s calls per second over the last simulated second; the cyan outline traces the most recent path into reclaim or the OOM killer. Click a function for what it does.</source>
        <translation>回收调用图。颜色和边的粗细表示各函数在最近一个模拟秒内的每秒调用次数；青色轮廓标出最近一次进入回收或 OOM killer 的路径。点击函数可查看其作用。</translation>
    </message>
    <message>
        <source>■ cyan: the most recent path into reclaim or the OOM killer    </source>
        <translation>■ 青色：最近一次进入回收或 OOM killer 的路径    </translation>
    </message>
    <message>
        <source>orange glow and width: calls per second over the last simulated second</source>
        <translation>橙色光晕和粗细：最近一个模拟秒内的每秒调用次数</translation>
    </message>
    <message>
        <source>not observable here</source>
        <translation>此处无法观测</translation>
    </message>
    <message>
        <source>dashed: not observable here (no /proc/vmstat counter)</source>
        <translation>虚线：此处无法观测（没有 /proc/vmstat 计数器）</translation>
    </message>
    <message>
        <source>glow: this machine&apos;s counter per second (click for which)</source>
        <translation>亮度：本机计数器每秒的增量（点击查看是哪个）</translation>
    </message>
</context>
<context>
    <name>BigPictureView</name>
    <message>
        <source>Click a function to see what it does, where it lives and how often it runs.</source>
        <translation>点击函数，查看它的作用、所在位置和运行频率。</translation>
    </message>
    <message>
        <source>Calls: %1 in all, %2 over the last simulated second.</source>
        <translation>调用：共 %1 次，最近一个模拟秒内 %2。</translation>
    </message>
    <message>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <source>On this machine: /proc/vmstat %1 (%2), %3 in all, %4 over the last second.</source>
        <translation>在本机：/proc/vmstat 的 %1（%2），累计 %3，最近一秒 %4。</translation>
    </message>
    <message>
        <source>Not observable here: no /proc/vmstat counter counts it on this machine (and a recording keeps no calls). A trace shows it (trace-cmd record -e vmscan, docs/ftrace.md).</source>
        <translation>此处无法观测：本机没有 /proc/vmstat 计数器统计它（记录也不保存调用次数）。跟踪可以看到它（trace-cmd record -e vmscan，见 docs/ftrace.md）。</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>Cannot export to %1: the file name must end in .png, .pdf or .svg</source>
        <translation>无法导出到 %1：文件名必须以 .png、.pdf 或 .svg 结尾</translation>
    </message>
    <message>
        <source>Cannot encode the image as PNG into %1</source>
        <translation>无法将图像编码为 PNG 写入 %1</translation>
    </message>
    <message>
        <source>Cannot draw the PDF page for %1</source>
        <translation>无法为 %1 绘制 PDF 页面</translation>
    </message>
    <message>
        <source>Cannot draw the SVG picture for %1</source>
        <translation>无法为 %1 绘制 SVG 图形</translation>
    </message>
    <message>
        <source>Nothing to export to %1: no chart is shown.</source>
        <translation>没有可导出到 %1 的内容：未显示任何图表。</translation>
    </message>
    <message>
        <source>Cannot export to %1: a PNG file name must end in .png</source>
        <translation>无法导出到 %1：PNG 文件名必须以 .png 结尾</translation>
    </message>
    <message>
        <source>Nothing to export to %1: no view has content.</source>
        <translation>没有可导出到 %1 的内容：所有视图都没有内容。</translation>
    </message>
    <message>
        <source>Cannot export to %1: a multi-page export must be a .pdf file</source>
        <translation>无法导出到 %1：多页导出必须是 .pdf 文件</translation>
    </message>
    <message>
        <source>Cannot draw the PDF pages for %1</source>
        <translation>无法为 %1 绘制各 PDF 页面</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>the %1 view has no chart</source>
        <translation>%1 视图没有图表</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is outside 0 .. 1000000 s (the scenario format&apos;s limit)</source>
        <translation>--%1: &apos;%2&apos; 超出 0 .. 1000000 s（场景格式的上限）</translation>
    </message>
    <message>
        <source>ReclaimScope simulates the Linux kernel&apos;s memory reclaim and shows it live.
Without --headless it opens the window on the built-in default scenario.</source>
        <translation>ReclaimScope 模拟 Linux 内核的内存回收并实时展示。
不带 --headless 时， 打开窗口并运行内置的默认场景。</translation>
    </message>
    <message>
        <source>Run without a window and print the requested results.</source>
        <translation>不打开窗口运行， 打印所请求的结果。</translation>
    </message>
    <message>
        <source>Scenario to run: a built-in name (see --list-scenarios) or a scenario file (JSON, see docs/scenario-format.md). Headless, it runs for the scenario&apos;s duration unless --duration says otherwise.</source>
        <translation>要运行的场景：内置名称（见 --list-scenarios）或场景文件（JSON， 见 docs/scenario-format.md）。无窗口时按场景的时长运行， 除非 --duration 另有指定。</translation>
    </message>
    <message>
        <source>Run headless (no display needed) and write the charts of one view to this file: PNG, PDF or SVG by its extension. See --view.</source>
        <translation>无窗口运行（不需要显示器）， 把一个视图的图表写入此文件：按扩展名为 PNG、 PDF 或 SVG。见 --view。</translation>
    </message>
    <message>
        <source>The view --export draws, or the window shows first: watermarks (default), swap, lru, callgraph (the Big Picture), processes (the largest process&apos;s memory and stalls) or counters (window only).</source>
        <translation>--export 绘制的视图， 或窗口首先显示的视图：watermarks（默认）、 swap、 lru、 callgraph（全景图）、 processes（最大进程的内存和停顿）或 counters（仅窗口）。</translation>
    </message>
    <message>
        <source>Window: simulated seconds per wall second (1, 2, 5, 10, 50) or max.</source>
        <translation>窗口：每墙钟秒的模拟秒数（1、 2、 5、 10、 50）或 max。</translation>
    </message>
    <message>
        <source>Window: run until this simulated time, then pause (e.g. 25s).</source>
        <translation>窗口：运行到此模拟时间后暂停（如 25s）。</translation>
    </message>
    <message>
        <source>Write the run&apos;s time series to this CSV file (zones&apos; free pages and watermarks, LRU sizes, kswapd state, swap, rates of the key counters).</source>
        <translation>把本次运行的时间序列写入此 CSV 文件（各 zone 的空闲页和水线、 LRU 大小、 kswapd 状态、 交换分区、 关键计数器的速率）。</translation>
    </message>
    <message>
        <source>List the built-in scenarios and exit.</source>
        <translation>列出内置场景并退出。</translation>
    </message>
    <message>
        <source>Simulate an x86-64 machine with this much RAM (e.g. 4G, 512M).</source>
        <translation>模拟一台有这么多内存的 x86-64 机器（如 4G、 512M）。</translation>
    </message>
    <message>
        <source>Clone the machine (nodes, zones, spanned/present/managed, pages in use) from /proc/zoneinfo text.</source>
        <translation>按 /proc/zoneinfo 文本克隆机器（节点、 zone、 spanned/present/managed、 已用页）。</translation>
    </message>
    <message>
        <source>Kernel release whose rules to follow where they changed, e.g. 5.15 (default 6.16).</source>
        <translation>在规则有变化之处所遵循的内核版本， 如 5.15（默认 6.16）。</translation>
    </message>
    <message>
        <source>Transparent hugepages at boot: always, madvise (default) or never.</source>
        <translation>启动时的透明大页模式：always、 madvise（默认）或 never。</translation>
    </message>
    <message>
        <source>Write a sysctl after boot, e.g. vm.min_free_kbytes=3000000 (repeatable; applied in order).</source>
        <translation>启动后写入一个 sysctl， 如 vm.min_free_kbytes=3000000（可重复； 按顺序应用）。</translation>
    </message>
    <message>
        <source>Simulated time to run before printing (e.g. 30s, 250ms).</source>
        <translation>打印前要运行的模拟时间（如 30s、 250ms）。</translation>
    </message>
    <message>
        <source>Seed of the simulation&apos;s random choices (default 1).</source>
        <translation>模拟中随机选择的种子（默认 1）。</translation>
    </message>
    <message>
        <source>Print /proc/zoneinfo of the simulated machine.</source>
        <translation>打印模拟机器的 /proc/zoneinfo。</translation>
    </message>
    <message>
        <source>Print /proc/vmstat of the simulated machine.</source>
        <translation>打印模拟机器的 /proc/vmstat。</translation>
    </message>
    <message>
        <source>Print /proc/meminfo of the simulated machine.</source>
        <translation>打印模拟机器的 /proc/meminfo。</translation>
    </message>
    <message>
        <source>Print /proc/swaps of the simulated machine.</source>
        <translation>打印模拟机器的 /proc/swaps。</translation>
    </message>
    <message>
        <source>Print the event log: kswapd wake-ups, direct reclaim, OOM kills, sysctl writes, swapon/swapoff (time in seconds, kind, text).</source>
        <translation>打印事件日志：kswapd 唤醒、 直接回收、 OOM 杀进程、 sysctl 写入、 swapon/swapoff（字段：以秒计的时间、 类型、 文本）。</translation>
    </message>
    <message>
        <source>Print the simulated kernel&apos;s log as dmesg shows it: OOM reports (dump_header), swapon lines, with [seconds.micros] timestamps.</source>
        <translation>按 dmesg 的格式打印模拟内核的日志：OOM 报告（dump_header）、 swapon 行， 带 [秒.微秒] 时间戳。</translation>
    </message>
    <message>
        <source>Print /proc/PID/status of a simulated process (a pid, or a task&apos;s name) at the end of the run, with its faults and delay accounting (repeatable).</source>
        <translation>运行结束时打印一个模拟进程（pid 或任务名）的 /proc/PID/status， 含其缺页和延迟统计（可重复）。</translation>
    </message>
    <message>
        <source>Add a swap device (repeatable): SIZE[,prio=N][,kind=hdd|ssd|zram[,ratio=R]], e.g. 1G,kind=ssd or 512M,prio=10,kind=zram,ratio=3 (name=NAME sets its name; default /dev/sdb1, /dev/sdc1, ... or /dev/zram0, ...).</source>
        <translation>添加交换设备（可重复）：SIZE[,prio=N][,kind=hdd|ssd|zram[,ratio=R]]， 如 1G,kind=ssd 或 512M,prio=10,kind=zram,ratio=3（name=NAME 设置名称； 默认 /dev/sdb1、 /dev/sdc1、 ... 或 /dev/zram0、 ...）。</translation>
    </message>
    <message>
        <source>Schedule an action at a simulated time (repeatable): TIME:vm.key=value, TIME:swapon=SPEC (as --swap) or TIME:swapoff=NAME, e.g. 10s:vm.swappiness=100 or 20s:swapoff=/dev/sdb1.</source>
        <translation>在某个模拟时间执行操作（可重复）：TIME:vm.key=value、 TIME:swapon=SPEC（同 --swap）或 TIME:swapoff=NAME， 如 10s:vm.swappiness=100 或 20s:swapoff=/dev/sdb1。</translation>
    </message>
    <message>
        <source>Print the simulated kernel&apos;s boot messages to stderr.</source>
        <translation>把模拟内核的启动信息打印到 stderr。</translation>
    </message>
    <message>
        <source>--print-proc: give a pid or a task&apos;s name</source>
        <translation>--print-proc: 请给出 pid 或任务名</translation>
    </message>
    <message>
        <source>--%1: the file name is empty</source>
        <translation>--%1: 文件名为空</translation>
    </message>
    <message>
        <source>--view: &apos;%1&apos; is not a view (expected watermarks, swap, lru, callgraph, processes or counters)</source>
        <translation>--view: &apos;%1&apos; 不是视图（应为 watermarks、 swap、 lru、 callgraph、 processes 或 counters）</translation>
    </message>
    <message>
        <source>--view counters: the counters view is text; --export draws watermarks, swap, lru, callgraph or processes</source>
        <translation>--view counters: counters 视图是文本； --export 只能绘制 watermarks、 swap、 lru、 callgraph 或 processes</translation>
    </message>
    <message>
        <source>--export %1: the file name must end in .png, .pdf or .svg</source>
        <translation>--export %1: 文件名必须以 .png、 .pdf 或 .svg 结尾</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (options start with --; see --help)</source>
        <translation>意外的参数 &apos;%1&apos;（选项以 -- 开头； 见 --help）</translation>
    </message>
    <message>
        <source>--ram and --machine-from-zoneinfo cannot be used together</source>
        <translation>--ram 和 --machine-from-zoneinfo 不能同时使用</translation>
    </message>
    <message>
        <source>--scenario: no built-in scenario named &apos;%1&apos; (built-in: %2; a scenario file needs a path such as ./%1.json)</source>
        <translation>--scenario: 没有名为 &apos;%1&apos; 的内置场景（内置：%2； 场景文件需要路径， 如 ./%1.json）</translation>
    </message>
    <message>
        <source>Idle machine</source>
        <translation>空闲机器</translation>
    </message>
    <message>
        <source>--kernel: &apos;%1&apos; is not a kernel release (expected e.g. 5.15 or 6.16)</source>
        <translation>--kernel: &apos;%1&apos; 不是内核版本（应为 5.15 或 6.16 这样的版本）</translation>
    </message>
    <message>
        <source>--thp: &apos;%1&apos; is not a THP mode (expected always, madvise or never)</source>
        <translation>--thp: &apos;%1&apos; 不是 THP 模式（应为 always、 madvise 或 never）</translation>
    </message>
    <message>
        <source>--seed: expected a non-negative integer, got &apos;%1&apos;</source>
        <translation>--seed: 应为非负整数， 实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--speed: expected 1, 2, 5, 10, 50 or max, got &apos;%1&apos;</source>
        <translation>--speed: 应为 1、 2、 5、 10、 50 或 max， 实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no such process (pids and names: --print-dmesg after an OOM kill, or the scenario&apos;s task names)</source>
        <translation>没有这个进程（pid 和名称：OOM 杀进程后见 --print-dmesg， 或用场景中的任务名）</translation>
    </message>
    <message>
        <source>(see reclaimscope --help)</source>
        <translation>（见 reclaimscope --help）</translation>
    </message>
    <message>
        <source>--export needs a run: give --duration or a --scenario</source>
        <translation>--export 需要一次运行：请给出 --duration 或 --scenario</translation>
    </message>
    <message>
        <source>simulating:</source>
        <translation>模拟中：</translation>
    </message>
    <message>
        <source>Write the run&apos;s reclaim tracepoints (vmscan, oom:mark_victim) to this file as the text of /sys/kernel/tracing/trace, in the formats of the run&apos;s kernel release (with --headless).</source>
        <translation>把本次运行的回收 tracepoint（vmscan、 oom:mark_victim）按 /sys/kernel/tracing/trace 的文本写入此文件，采用该运行所选内核版本的格式（需 --headless）。</translation>
    </message>
    <message>
        <source>--ftrace: writes the trace of a --headless run (without --export)</source>
        <translation>--ftrace: 只写 --headless 运行的 trace（不能与 --export 同用）</translation>
    </message>
    <message>
        <source>Print direct reclaim latency per process, from the tracepoints mm_vmscan_direct_reclaim_begin / _end as bcc&apos;s drsnoop reads them: count, total ms, p50 / p99 / max us, pages reclaimed.</source>
        <translation>按进程打印直接回收延迟，来自 bcc 的 drsnoop 所读的 tracepoint mm_vmscan_direct_reclaim_begin / _end：次数、 总 ms、 p50 / p99 / max us、 回收的页数。</translation>
    </message>
    <message>
        <source>Read a reclaim trace instead of running (with --headless): the text of /sys/kernel/tracing/trace or trace_pipe, trace-cmd report or perf script. Prints what it read; with --print-reclaim-latency the stalls per process (direct and memcg).</source>
        <translation>读取一个回收 trace 而不运行模拟（需 --headless）：/sys/kernel/tracing/trace 或 trace_pipe 的文本、 trace-cmd report 或 perf script 的输出。打印读到的内容；配合 --print-reclaim-latency 打印每个进程的停顿（直接回收和 memcg 回收）。</translation>
    </message>
    <message>
        <source>--trace-in: reads a trace instead of a run: give --headless, and of the outputs only --print-reclaim-latency</source>
        <translation>--trace-in: 读取 trace 而不运行模拟：需给出 --headless，输出选项只能用 --print-reclaim-latency</translation>
    </message>
    <message>
        <source>Write this machine as a scenario file and exit: its nodes and zones, vm.* sysctls and swap areas from /proc and /sys (only read), no tasks. Add a workload to it, then run it with --scenario.</source>
        <translation>把本机写成场景文件后退出：节点和 zone、 vm.* sysctl 和交换分区取自 /proc 和 /sys（只读不写）， 没有任务。在文件中加入工作负载后， 用 --scenario 运行。</translation>
    </message>
    <message>
        <source>--host-scenario: writes this machine as a scenario file and runs nothing; give it alone (not with --%1)</source>
        <translation>--host-scenario: 只把本机写成场景文件，不运行模拟；请单独使用（不要与 --%1 同用）</translation>
    </message>
    <message>
        <source>Wrote %1: this machine&apos;s zones, sysctls and swap, no tasks. Add the workload (&quot;tasks&quot;), then: reclaimscope --scenario %1</source>
        <translation>已写入 %1：本机的 zone、sysctl 和交换分区，没有任务。加入工作负载（&quot;tasks&quot;）后运行：reclaimscope --scenario %1</translation>
    </message>
    <message>
        <source>How often --host reads this machine (default 100ms; 10ms to 60s).</source>
        <translation>--host 读取本机的间隔（默认 100ms； 10ms 到 60s）。</translation>
    </message>
    <message>
        <source>--host watches this machine: --%1 belongs to a simulation</source>
        <translation>--host 观察的是本机： --%1 属于模拟</translation>
    </message>
    <message>
        <source>--interval: &apos;%1&apos; is outside 10ms .. 60s</source>
        <translation>--interval：“%1”不在 10ms .. 60s 之内</translation>
    </message>
    <message>
        <source>--interval: says how often --host reads this machine</source>
        <translation>--interval：指定 --host 读取本机的间隔</translation>
    </message>
    <message>
        <source>with --host give a pid</source>
        <translation>与 --host 一起时请给出 pid</translation>
    </message>
    <message>
        <source>recording this machine:</source>
        <translation>正在记录本机：</translation>
    </message>
    <message>
        <source>(Ctrl+C ends the recording)</source>
        <translation>（Ctrl+C 结束记录）</translation>
    </message>
    <message>
        <source>reclaimscope: recording stopped by a signal after %1 readings</source>
        <translation>reclaimscope：记录在读取 %1 次后被信号停止</translation>
    </message>
    <message>
        <source>Watch this machine instead of a simulation: its /proc files, read only. The window shows it live in every view; with --headless it records for --duration (with --csv and no --duration: until Ctrl+C or SIGTERM) every --interval, and --print-zoneinfo, --print-vmstat, --print-meminfo, --print-swaps and --print-proc PID print its last reading.</source>
        <translation>观察本机而不是模拟：只读它的 /proc 文件。 窗口在每个视图中实时显示它； 与 --headless 一起时，每隔 --interval 记录一次，共 --duration（给了 --csv 而没有 --duration 时：直到 Ctrl+C 或 SIGTERM）， --print-zoneinfo、 --print-vmstat、 --print-meminfo、 --print-swaps 和 --print-proc PID 打印最后一次读取。</translation>
    </message>
    <message>
        <source>Show a CSV written by --csv (a simulated run or a --host recording) in the window instead of a run; with --headless, say what it holds (its source lines, rows, time span, zones, and the columns it lacks or that are not shown).</source>
        <translation>在窗口中显示由 --csv 写出的 CSV（一次模拟运行或一次 --host 记录），而不是运行； 与 --headless 一起时，说明它包含什么（来源行、行数、时间范围、zone， 以及缺少或不显示的列）。</translation>
    </message>
    <message>
        <source>--recording: the file name is empty</source>
        <translation>--recording：文件名为空</translation>
    </message>
    <message>
        <source>--recording shows a file: --%1 belongs to a run</source>
        <translation>--recording 显示的是文件： --%1 属于运行</translation>
    </message>
    <message>
        <source>With --headless: run a second simulation (B) of the same scenario and seed with this sysctl written after the first run&apos;s --set writes (repeatable, e.g. vm.swappiness=200), and print each --print-* text of both runs and the /proc/vmstat counters that differ.</source>
        <translation>与 --headless 一起：以同一场景和种子运行第二个模拟（B）， 在第一个运行的 --set 写入之后再写入这个 sysctl（可重复， 例如 vm.swappiness=200）， 并打印两个运行的每个 --print-* 文本以及不同的 /proc/vmstat 计数器。</translation>
    </message>
    <message>
        <source>With --headless: run this scenario (a built-in name or a file) as B beside the first, for the same duration, and print both and the counters that differ.</source>
        <translation>与 --headless 一起：把这个场景（内置名称或文件）作为 B 与第一个并排运行相同的时长， 并打印两者以及不同的计数器。</translation>
    </message>
    <message>
        <source>--compare and --compare-scenario: give one of them</source>
        <translation>--compare 和 --compare-scenario：只能给出其中一个</translation>
    </message>
    <message>
        <source>--compare: runs two simulations headless (give --headless, without --host, --recording or --trace-in)</source>
        <translation>--compare：以无窗口方式运行两个模拟（加上 --headless，不要 --host、 --recording 或 --trace-in）</translation>
    </message>
    <message>
        <source>--compare: --%1 is for one run; the comparison prints --print-zoneinfo, --print-vmstat, --print-meminfo, --print-swaps and --print-events</source>
        <translation>--compare： --%1 只用于单个运行； 对比打印 --print-zoneinfo、 --print-vmstat、 --print-meminfo、 --print-swaps 和 --print-events</translation>
    </message>
    <message>
        <source>/proc/vmstat: the counters that differ</source>
        <translation>/proc/vmstat：不同的计数器</translation>
    </message>
</context>
<context>
    <name>CountersView</name>
    <message>
        <source>Per zone: free pages, the min/low/high watermarks, spanned/present/managed, protection (lowmem_reserve) and per-node LRU counters, as zoneinfo_show() prints them</source>
        <translation>每个 zone：空闲页、min/low/high 水线、spanned/present/managed、protection（lowmem_reserve）和每节点的 LRU 计数器，与 zoneinfo_show() 的输出一致</translation>
    </message>
    <message>
        <source>Node statistics and VM events (pgscan, pgsteal, allocstall, workingset, pswpin/out...) in the kernel&apos;s order</source>
        <translation>节点统计和 VM 事件（pgscan、pgsteal、allocstall、workingset、pswpin/out...），按内核的顺序</translation>
    </message>
    <message>
        <source>MemTotal, MemFree, MemAvailable (si_mem_available), the LRU and swap lines</source>
        <translation>MemTotal、MemFree、MemAvailable（si_mem_available）、LRU 和交换分区相关行</translation>
    </message>
    <message>
        <source>The swap areas, as swap_show() prints them</source>
        <translation>各交换分区，与 swap_show() 的输出一致</translation>
    </message>
    <message>
        <source>%1. Lines that changed since the last frame are highlighted.</source>
        <translation>%1。自上一帧以来变化的行会高亮显示。</translation>
    </message>
    <message>
        <source>Process:</source>
        <translation>进程：</translation>
    </message>
    <message>
        <source>The simulated processes (pid and comm), the ones with the most memory first when there are more than 64; kernel threads have no status of their own here</source>
        <translation>模拟的进程（pid 和 comm），超过 64 个时内存最多的排在前面；内核线程在这里没有自己的 status</translation>
    </message>
    <message>
        <source>proc_pid_status() with task_mem(): the lines the simulator models (Name, Pid, PPid, Uid, VmPeak, VmSize, VmLck, VmRSS, RssAnon, RssFile, RssShmem, VmPTE, VmSwap); a dead process has no Vm lines, as for a zombie</source>
        <translation>proc_pid_status() 与 task_mem()：模拟器建模的行（Name、Pid、PPid、Uid、VmPeak、VmSize、VmLck、VmRSS、RssAnon、RssFile、RssShmem、VmPTE、VmSwap）；已退出的进程与僵尸进程一样没有 Vm 行</translation>
    </message>
    <message>
        <source>The values the recorder kept for the moment chosen on the history slider: zone free pages and watermarks, LRU sizes, kswapd&apos;s state and the cumulative vmstat counters. The /proc pages show the present.</source>
        <translation>记录器为历史滑块所选时刻保存的值：zone 空闲页和水线、LRU 大小、kswapd 状态以及累计的 vmstat 计数器。/proc 页面显示的是当前值。</translation>
    </message>
    <message>
        <source>recorded moment</source>
        <translation>记录的时刻</translation>
    </message>
    <message>
        <source>recorded at %1 s</source>
        <translation>记录于 %1 s</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>kswapd%1 woken by an allocation (%2 below its low watermark)</source>
        <translation>kswapd%1 被一次分配唤醒（%2 低于其低水线）</translation>
    </message>
    <message>
        <source>kswapd%1 gives up: %2 runs reclaimed nothing (kswapd_failures); only successful direct reclaim makes it wakeable again</source>
        <translation>kswapd%1 放弃：连续 %2 轮没有回收到任何页（kswapd_failures）；只有成功的直接回收才能让它再次可被唤醒</translation>
    </message>
    <message>
        <source>kswapd%1 sleeps: the node is balanced</source>
        <translation>kswapd%1 休眠：节点已平衡</translation>
    </message>
    <message>
        <source>%1: direct reclaim (try_to_free_pages), %2 us</source>
        <translation>%1：直接回收（try_to_free_pages），%2 us</translation>
    </message>
    <message>
        <source>%1: allocation failed, waiting</source>
        <translation>%1：分配失败，等待中</translation>
    </message>
    <message>
        <source>%1: fork() of %2, %3 pages shared, %4 swap entries duplicated</source>
        <translation>%1：由 %2 fork()，共享 %3 页，复制 %4 个交换项</translation>
    </message>
    <message>
        <source>%1 exited</source>
        <translation>%1 已退出</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export all views</source>
        <translation>导出所有视图</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Every view with a chart: one page each in a PDF, or one file each (NAME-watermarks.png, NAME-swap.png, …) for PNG and SVG.</source>
        <translation>每个有图表的视图：PDF 中每个视图一页；PNG 和 SVG 则每个视图一个文件（NAME-watermarks.png、NAME-swap.png、…）。</translation>
    </message>
    <message>
        <source>The charts of the %1 view.</source>
        <translation>%1 视图的图表。</translation>
    </message>
    <message>
        <source>The file to write: .png, .pdf or .svg. It is replaced only once it is complete.</source>
        <translation>要写入的文件：.png、.pdf 或 .svg。文件完整写好后才会替换原文件。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Width of the image (points in a PDF)</source>
        <translation>图像宽度（PDF 中为点数）</translation>
    </message>
    <message>
        <source>Height of each chart; a view with several zones stacks one chart per zone</source>
        <translation>每个图表的高度；有多个 zone 的视图每个 zone 叠放一个图表</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height per chart</source>
        <translation>每个图表的高度</translation>
    </message>
    <message>
        <source>PNG images (*.png);;PDF documents (*.pdf);;SVG drawings (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>%1: the file name must end in .png, .pdf or .svg.</source>
        <translation>%1：文件名必须以 .png、.pdf 或 .svg 结尾。</translation>
    </message>
</context>
<context>
    <name>ExportPages</name>
    <message>
        <source>free pages and watermarks</source>
        <translation>空闲页和水线</translation>
    </message>
    <message>
        <source>swap usage and traffic</source>
        <translation>交换分区用量和流量</translation>
    </message>
    <message>
        <source>LRU list sizes</source>
        <translation>LRU 链表大小</translation>
    </message>
    <message>
        <source>the reclaim call graph, calls per second</source>
        <translation>回收调用图，每秒调用次数</translation>
    </message>
    <message>
        <source>memory and stalls of the selected process</source>
        <translation>所选进程的内存和停顿</translation>
    </message>
    <message>
        <source>Cannot export to %1: the file name must end in .pdf, .png or .svg</source>
        <translation>无法导出到 %1：文件名必须以 .pdf、.png 或 .svg 结尾</translation>
    </message>
    <message>
        <source>Nothing to export to %1</source>
        <translation>没有可导出到 %1 的内容</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>No program on this desktop opens %1. The guide is that file; open it with any text viewer.</source>
        <translation>此桌面上没有能打开 %1 的程序。指南就是这个文件，可用任何文本查看器打开。</translation>
    </message>
</context>
<context>
    <name>LoadProgress</name>
    <message>
        <source>Loading scenario</source>
        <translation>正在加载场景</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Reading %1: %2</source>
        <translation>正在读取 %1：%2</translation>
    </message>
    <message>
        <source>Reading %1: %2 of %3</source>
        <translation>正在读取 %1：%2 / %3</translation>
    </message>
</context>
<context>
    <name>LruFlowWidget</name>
    <message>
        <source>Pages moving between the LRU lists over the last simulated second (mm/vmscan.c): new pages (pgalloc), activation (pgactivate: a second access, folio_mark_accessed, or a refault with a short distance), deactivation by shrink_active_list (pgdeactivate), rotation (pgrotated), reclaim (pgsteal), swap-out and swap-in (pswpout, pswpin), refaults (workingset_refault). Arrow width grows with the rate.</source>
        <translation>最近一个模拟秒内在 LRU 链表之间移动的页（mm/vmscan.c）：新页（pgalloc）、激活（pgactivate：第二次访问、folio_mark_accessed，或距离较短的 refault）、shrink_active_list 的去激活（pgdeactivate）、轮转（pgrotated）、回收（pgsteal）、换出和换入（pswpout、pswpin）、refault（workingset_refault）。箭头宽度随速率增大。</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>buddy allocator</source>
        <translation>伙伴分配器</translation>
    </message>
    <message>
        <source>inactive anon</source>
        <translation>不活跃匿名页</translation>
    </message>
    <message>
        <source>active anon</source>
        <translation>活跃匿名页</translation>
    </message>
    <message>
        <source>inactive file</source>
        <translation>不活跃文件页</translation>
    </message>
    <message>
        <source>active file</source>
        <translation>活跃文件页</translation>
    </message>
    <message>
        <source>unevictable</source>
        <translation>不可回收</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>交换分区</translation>
    </message>
    <message>
        <source>swap devices</source>
        <translation>交换设备</translation>
    </message>
    <message>
        <source>file on disk</source>
        <translation>磁盘上的文件</translation>
    </message>
    <message>
        <source>the page cache&apos;s backing</source>
        <translation>页缓存的后备存储</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新页</translation>
    </message>
    <message>
        <source>activate (anon+file)</source>
        <translation>激活（匿名页+文件页）</translation>
    </message>
    <message>
        <source>deactivate (anon+file)</source>
        <translation>去激活（匿名页+文件页）</translation>
    </message>
    <message>
        <source>reclaim file</source>
        <translation>回收文件页</translation>
    </message>
    <message>
        <source>reclaim anon</source>
        <translation>回收匿名页</translation>
    </message>
    <message>
        <source>swap-out</source>
        <translation>换出</translation>
    </message>
    <message>
        <source>swap-in</source>
        <translation>换入</translation>
    </message>
    <message>
        <source>refault file</source>
        <translation>文件页 refault</translation>
    </message>
    <message>
        <source>rotate</source>
        <translation>轮转</translation>
    </message>
</context>
<context>
    <name>LruView</name>
    <message>
        <source>inactive anon</source>
        <translation>不活跃匿名页</translation>
    </message>
    <message>
        <source>active anon</source>
        <translation>活跃匿名页</translation>
    </message>
    <message>
        <source>inactive file</source>
        <translation>不活跃文件页</translation>
    </message>
    <message>
        <source>active file</source>
        <translation>活跃文件页</translation>
    </message>
    <message>
        <source>unevictable</source>
        <translation>不可回收</translation>
    </message>
    <message>
        <source>LRU list sizes (stacked)</source>
        <translation>LRU 链表大小（堆叠）</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>nr_inactive_anon, nr_active_anon, nr_inactive_file, nr_active_file and nr_unevictable of every node, stacked (as in /proc/vmstat), in MiB</source>
        <translation>每个节点的 nr_inactive_anon、nr_active_anon、nr_inactive_file、nr_active_file 和 nr_unevictable 堆叠显示（同 /proc/vmstat），单位 MiB</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>play / pause</source>
        <translation>运行 / 暂停</translation>
    </message>
    <message>
        <source>step one simulated millisecond</source>
        <translation>单步一个模拟毫秒</translation>
    </message>
    <message>
        <source>step one kswapd reclaim pass</source>
        <translation>单步一轮 kswapd 回收</translation>
    </message>
    <message>
        <source>review one second back / forward</source>
        <translation>回看前一秒 / 后一秒</translation>
    </message>
    <message>
        <source>back to live</source>
        <translation>回到实时</translation>
    </message>
    <message>
        <source>reset the scenario</source>
        <translation>重置场景</translation>
    </message>
    <message>
        <source>Watermarks, Swap, LRU, Big Picture, Counters, Processes</source>
        <translation>水线、交换、LRU、全景图、计数器、进程</translation>
    </message>
    <message>
        <source>undo / redo a sysctl change</source>
        <translation>撤销 / 重做 sysctl 更改</translation>
    </message>
    <message>
        <source>export the current view&apos;s charts</source>
        <translation>导出当前视图的图表</translation>
    </message>
    <message>
        <source>export all views</source>
        <translation>导出所有视图</translation>
    </message>
    <message>
        <source>export the data as CSV</source>
        <translation>将数据导出为 CSV</translation>
    </message>
    <message>
        <source>watermarks in MiB / pages</source>
        <translation>水线以 MiB / 页为单位</translation>
    </message>
    <message>
        <source>fit all data</source>
        <translation>适配全部数据</translation>
    </message>
    <message>
        <source>open a scenario file</source>
        <translation>打开场景文件</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export Chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the charts of the current view to a PNG, PDF or SVG file at a chosen size (Ctrl+E)</source>
        <translation>以选定尺寸把当前视图的图表写入 PNG、PDF 或 SVG 文件 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export &amp;All Views…</source>
        <translation>导出所有视图(&amp;A)…</translation>
    </message>
    <message>
        <source>Every view: one multi-page PDF, or one PNG or SVG file per view (Ctrl+Shift+E)</source>
        <translation>所有视图：一个多页 PDF，或每个视图一个 PNG 或 SVG 文件 (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Export &amp;Data (CSV)…</source>
        <translation>导出 CSV 数据(&amp;D)…</translation>
    </message>
    <message>
        <source>The recorded time series, of the whole run or of the charts&apos; visible range, as CSV (Ctrl+Shift+C)</source>
        <translation>把记录的时间序列（整次运行或图表的可见范围）导出为 CSV (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last sysctl change: the old value is written back (Ctrl+Z)</source>
        <translation>撤销上一次 sysctl 更改：写回旧值 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Write the undone sysctl value again (Ctrl+Shift+Z)</source>
        <translation>重新写入被撤销的 sysctl 值 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Sce&amp;narios</source>
        <translation>场景(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Scenario File…</source>
        <translation>打开场景文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Load a scenario file (JSON, docs/scenario-format.md); an invalid file is reported and the running simulation stays (Ctrl+O)</source>
        <translation>加载场景文件（JSON，docs/scenario-format.md）；无效的文件会报错，正在运行的模拟保持不变 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>模拟(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>Put every panel back where it starts</source>
        <translation>把所有面板放回初始位置</translation>
    </message>
    <message>
        <source>Fit &amp;All Data</source>
        <translation>适配全部数据(&amp;A)</translation>
    </message>
    <message>
        <source>Scale the watermark charts&apos; y axes to all visible data instead of the band around the watermarks (Ctrl+F)</source>
        <translation>把水线图表的 y 轴缩放到全部可见数据，而不是水线附近的区间 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Watermarks in &amp;MiB</source>
        <translation>水线以 MiB 显示(&amp;M)</translation>
    </message>
    <message>
        <source>The watermark charts&apos; y axis in MiB instead of 4 KiB pages (Ctrl+M)</source>
        <translation>水线图表的 y 轴以 MiB 而不是 4 KiB 页为单位 (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>The interface&apos;s language, remembered; it changes when ReclaimScope starts again</source>
        <translation>界面语言，会被记住；ReclaimScope 下次启动时生效</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>ReclaimScope will speak %1 when it starts again. Restart now?</source>
        <translation>ReclaimScope 下次启动时将使用 %1。现在重启吗？</translation>
    </message>
    <message>
        <source>Restart &amp;Now</source>
        <translation>立即重启(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>指南(&amp;G)</translation>
    </message>
    <message>
        <source>Open the user&apos;s guide (the README: command line, views, scenarios) (F1)</source>
        <translation>打开用户指南（README：命令行、视图、场景） (F1)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;About ReclaimScope</source>
        <translation>关于 ReclaimScope(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New Scenario from This Machine…</source>
        <translation>从本机新建场景(&amp;N)…</translation>
    </message>
    <message>
        <source>Write a scenario file with this machine&apos;s zones, vm.* sysctls and swap areas (read from /proc and /sys, never written) and no tasks, and open it; add the workload to the file</source>
        <translation>写一个场景文件并打开它：其中有本机的 zone、vm.* sysctl 和交换分区（读自 /proc 和 /sys，从不写入），没有任务；请在文件中加入工作负载</translation>
    </message>
    <message>
        <source>watch this machine</source>
        <translation>观察本机</translation>
    </message>
    <message>
        <source>&amp;Watch This Machine</source>
        <translation>观察本机(&amp;W)</translation>
    </message>
    <message>
        <source>Show this machine in every view instead of a simulation: its zones, watermarks, LRU lists, swap, counters and pressure, read from /proc every 100 ms and never written (Ctrl+Shift+H). Opening a scenario goes back to simulating.</source>
        <translation>在每个视图中显示本机而不是模拟：它的 zone、水线、LRU 链表、交换区、计数器和内存压力，每 100 ms 从 /proc 读取一次，从不写入（Ctrl+Shift+H）。打开一个场景即回到模拟。</translation>
    </message>
    <message>
        <source>open a recording (CSV)</source>
        <translation>打开记录（CSV）</translation>
    </message>
    <message>
        <source>Open &amp;Recording…</source>
        <translation>打开记录(&amp;R)…</translation>
    </message>
    <message>
        <source>Show a CSV written by --csv or Export Data (a simulated run or a --host recording of a machine) in every view, with the history slider and the exports (Ctrl+Shift+O)</source>
        <translation>在每个视图中显示由 --csv 或“导出数据”写出的 CSV（一次模拟运行或一次 --host 对机器的记录），可使用历史滑块和导出（Ctrl+Shift+O）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Simulated time since the scenario started</source>
        <translation>自场景开始以来的模拟时间</translation>
    </message>
    <message>
        <source>Simulated seconds per wall-clock second, measured</source>
        <translation>实测的每墙钟秒模拟秒数</translation>
    </message>
    <message>
        <source>Frames the views received per second (at most 60)</source>
        <translation>各视图每秒收到的帧数（最多 60）</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Tuning</source>
        <translation>调优</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>scenario as loaded</source>
        <translation>加载时的场景</translation>
    </message>
    <message>
        <source>The sysctl changes you made, oldest first: click a line to go back to that state (Ctrl+Z undoes the last, Ctrl+Shift+Z redoes).</source>
        <translation>你做过的 sysctl 更改，最早的在前：点击一行可回到那个状态 (Ctrl+Z 撤销最后一次，Ctrl+Shift+Z 重做)。</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更改记录</translation>
    </message>
    <message>
        <source>Events of the simulated kernel: kswapd waking and sleeping (wakeup_kswapd, kswapd_try_to_sleep), allocations that waited, sysctl writes, swapon/swapoff, OOM kills.</source>
        <translation>模拟内核的事件：kswapd 的唤醒与睡眠（wakeup_kswapd、kswapd_try_to_sleep）、需要等待的分配、sysctl 写入、swapon/swapoff、OOM 杀进程。</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>场景：%1</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>已取消加载</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已加载 %1</translation>
    </message>
    <message>
        <source>No built-in scenario named %1</source>
        <translation>没有名为 %1 的内置场景</translation>
    </message>
    <message>
        <source>Charts held: drag to pan, wheel to zoom; End follows the newest data again</source>
        <translation>图表已锁定：拖动平移，滚轮缩放；按 End 重新跟随最新数据</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>%1× real time</source>
        <translation>%1× 实时</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation>%1 帧/s</translation>
    </message>
    <message>
        <source>The %1 view has no chart to export; choose another view, or export the data as CSV.</source>
        <translation>%1 视图没有可导出的图表；请选择其他视图，或将数据导出为 CSV。</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Which samples should the CSV hold?</source>
        <translation>CSV 中应包含哪些采样？</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>整次运行</translation>
    </message>
    <message>
        <source>Visible range (%1 – %2 s)</source>
        <translation>可见范围（%1 – %2 s）</translation>
    </message>
    <message>
        <source>This machine could not be read: %1</source>
        <translation>无法读取本机信息：%1</translation>
    </message>
    <message>
        <source>The scenario of this machine was not written: %1</source>
        <translation>本机的场景文件未写入：%1</translation>
    </message>
    <message>
        <source>New scenario from this machine</source>
        <translation>从本机新建场景</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>场景 (*.json)</translation>
    </message>
    <message>
        <source>Time since ReclaimScope began watching this machine</source>
        <translation>ReclaimScope 开始观察本机以来的时间</translation>
    </message>
    <message>
        <source>The machine the views show, read through its /proc files (never written)</source>
        <translation>视图所显示的机器，通过它的 /proc 文件读取（从不写入）</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1（已暂停）</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <source>ReclaimScope CSV (*.csv);;All files (*)</source>
        <translation>ReclaimScope CSV (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PlotDecor</name>
    <message>
        <source>OOM kill: %1</source>
        <translation>OOM 杀进程：%1</translation>
    </message>
    <message>
        <source>simulated time (s)</source>
        <translation>模拟时间（s）</translation>
    </message>
    <message>
        <source>time since watching began (s)</source>
        <translation>开始观察以来的时间 (s)</translation>
    </message>
</context>
<context>
    <name>PressurePlot</name>
    <message>
        <source>Memory pressure (PSI, /proc/pressure/memory)</source>
        <translation>内存压力（PSI，/proc/pressure/memory）</translation>
    </message>
    <message>
        <source>avg10 (%)</source>
        <translation>avg10 (%)</translation>
    </message>
    <message>
        <source>stalled (ms per s)</source>
        <translation>停顿（每秒 ms）</translation>
    </message>
    <message>
        <source>some avg10</source>
        <translation>some avg10</translation>
    </message>
    <message>
        <source>full avg10</source>
        <translation>full avg10</translation>
    </message>
    <message>
        <source>some: stalled ms/s</source>
        <translation>some：停顿 ms/s</translation>
    </message>
    <message>
        <source>full: stalled ms/s</source>
        <translation>full：停顿 ms/s</translation>
    </message>
    <message>
        <source>Pressure stall information: &quot;some&quot; is the share of time at least one task waited for memory (reclaim, swap-in, refaults of its working set), &quot;full&quot; the share when every non-idle task did. avg10 is the kernel&apos;s 10-second average; the dashed lines are the stall time per second between two readings.</source>
        <translation>压力停顿信息（PSI）：“some”是至少有一个任务在等待内存（回收、换入、工作集 refault）的时间占比，“full”是所有非空闲任务都在等待的时间占比。avg10 是内核的 10 秒平均值；虚线是两次读取之间每秒的停顿时间。</translation>
    </message>
</context>
<context>
    <name>ProcessTableModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>OOM-killed</source>
        <translation>被 OOM 杀死</translation>
    </message>
    <message>
        <source>kernel thread</source>
        <translation>内核线程</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>The pid (alloc_pid() order: init 1, kthreadd 2, the kernel threads, then the tasks in start order)</source>
        <translation>pid（alloc_pid() 顺序：init 为 1，kthreadd 为 2，然后是内核线程，再按启动顺序排列各任务）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>comm: the task&apos;s name, at most 15 characters (TASK_COMM_LEN)</source>
        <translation>comm：任务名，最多 15 个字符（TASK_COMM_LEN）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>running, exited, OOM-killed (by oom_kill_process()) or a kernel thread</source>
        <translation>运行中、已退出、被 OOM 杀死（由 oom_kill_process()）或内核线程</translation>
    </message>
    <message>
        <source>Anon MiB</source>
        <translation>匿名 MiB</translation>
    </message>
    <message>
        <source>RssAnon in /proc/PID/status (MM_ANONPAGES): resident anonymous pages, MiB</source>
        <translation>/proc/PID/status 中的 RssAnon（MM_ANONPAGES）：驻留的匿名页，MiB</translation>
    </message>
    <message>
        <source>File MiB</source>
        <translation>文件 MiB</translation>
    </message>
    <message>
        <source>RssFile (MM_FILEPAGES): 0, the simulated tasks map no file pages (their page-cache reads are not mapped)</source>
        <translation>RssFile（MM_FILEPAGES）：0，模拟的任务不映射文件页（它们读取的页缓存不被映射）</translation>
    </message>
    <message>
        <source>Swap MiB</source>
        <translation>交换 MiB</translation>
    </message>
    <message>
        <source>VmSwap (MM_SWAPENTS): the process&apos;s pages that are out on swap</source>
        <translation>VmSwap（MM_SWAPENTS）：进程已换出到交换分区的页</translation>
    </message>
    <message>
        <source>VmSize MiB</source>
        <translation>VmSize MiB</translation>
    </message>
    <message>
        <source>VmSize (mm-&gt;total_vm): what the process has mapped now</source>
        <translation>VmSize（mm-&gt;total_vm）：进程当前映射的大小</translation>
    </message>
    <message>
        <source>Faults/s</source>
        <translation>缺页/s</translation>
    </message>
    <message>
        <source>Page faults per simulated second (minflt + majflt of /proc/PID/stat)</source>
        <translation>每模拟秒的缺页次数（/proc/PID/stat 的 minflt + majflt）</translation>
    </message>
    <message>
        <source>Major/s</source>
        <translation>主缺页/s</translation>
    </message>
    <message>
        <source>majflt per second: faults that read from the swap device</source>
        <translation>每秒 majflt：需要从交换设备读取的缺页</translation>
    </message>
    <message>
        <source>Reclaim ms/s</source>
        <translation>回收 ms/s</translation>
    </message>
    <message>
        <source>Milliseconds per second spent in direct reclaim (delay accounting&apos;s RECLAIM: try_to_free_pages() in __perform_reclaim())</source>
        <translation>每秒花在直接回收上的毫秒数（延迟统计的 RECLAIM：__perform_reclaim() 中的 try_to_free_pages()）</translation>
    </message>
    <message>
        <source>Swap-in ms/s</source>
        <translation>换入 ms/s</translation>
    </message>
    <message>
        <source>Milliseconds per second waiting for swap-in reads (delay accounting&apos;s SWAP: swap_read_folio())</source>
        <translation>每秒等待换入读取的毫秒数（延迟统计的 SWAP：swap_read_folio()）</translation>
    </message>
    <message>
        <source>OOM score</source>
        <translation>OOM 分数</translation>
    </message>
    <message>
        <source>/proc/PID/oom_score: (1000 + oom_badness() * 1000 / totalpages) * 2 / 3, totalpages = RAM + swap; 0 for a task the OOM killer may not kill</source>
        <translation>/proc/PID/oom_score：(1000 + oom_badness() * 1000 / totalpages) * 2 / 3，totalpages = 内存 + 交换分区；OOM killer 不能杀死的任务为 0</translation>
    </message>
    <message>
        <source>oom_score_adj</source>
        <translation>oom_score_adj</translation>
    </message>
    <message>
        <source>/proc/PID/oom_score_adj: -1000 (never kill) .. 1000 (kill first)</source>
        <translation>/proc/PID/oom_score_adj：-1000（永不杀死）.. 1000（最先杀死）</translation>
    </message>
</context>
<context>
    <name>ProcessesView</name>
    <message>
        <source>Every process of the simulated kernel, as /proc/PID/status, /proc/PID/stat, /proc/PID/oom_score and delay accounting (getdelays) report it. Click a header to sort; select a process to chart it, mark its direct reclaims on the Watermarks charts and outline its swap slots in the Swap view.</source>
        <translation>模拟内核的每个进程，数据来自 /proc/PID/status、/proc/PID/stat、/proc/PID/oom_score 和延迟统计（getdelays）。点击表头排序；选中一个进程可绘制其图表，在水线图表上标出它的直接回收，并在交换视图中勾出它的槽位。</translation>
    </message>
    <message>
        <source>Memory of the selected process</source>
        <translation>所选进程的内存</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>RSS (VmRSS)</source>
        <translation>RSS（VmRSS）</translation>
    </message>
    <message>
        <source>swap (VmSwap)</source>
        <translation>交换（VmSwap）</translation>
    </message>
    <message>
        <source>VmRSS and VmSwap of the selected process at each sample</source>
        <translation>所选进程在每个采样点的 VmRSS 和 VmSwap</translation>
    </message>
    <message>
        <source>Stalls of the selected process</source>
        <translation>所选进程的停顿</translation>
    </message>
    <message>
        <source>ms per second</source>
        <translation>每秒 ms</translation>
    </message>
    <message>
        <source>direct reclaim (RECLAIM)</source>
        <translation>直接回收（RECLAIM）</translation>
    </message>
    <message>
        <source>swap-in wait (SWAP)</source>
        <translation>换入等待（SWAP）</translation>
    </message>
    <message>
        <source>Delay accounting of the selected process per simulated second, over 100 ms steps: time in try_to_free_pages() (RECLAIM) and waiting for swap-in reads (SWAP)</source>
        <translation>所选进程每模拟秒的延迟统计，按 100 ms 步长：在 try_to_free_pages() 中的时间（RECLAIM）和等待换入读取的时间（SWAP）</translation>
    </message>
    <message>
        <source>%1 processes; the %2 with the most memory are listed.</source>
        <translation>%1 个进程；列出内存最多的 %2 个。</translation>
    </message>
    <message>
        <source>%1 processes (kernel threads included). Rates are per simulated second.</source>
        <translation>%1 个进程（含内核线程）。速率按每模拟秒计。</translation>
    </message>
    <message>
        <source>Memory of %1</source>
        <translation>%1 的内存</translation>
    </message>
    <message>
        <source>Stalls of %1</source>
        <translation>%1 的停顿</translation>
    </message>
    <message>
        <source>the selected process</source>
        <translation>所选进程</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
</context>
<context>
    <name>ReplayProgressLabel</name>
    <message>
        <source>Trace replay: references done of one pass of the trace (all replaying tasks), and references per wall second</source>
        <translation>轨迹重放：一遍轨迹（所有重放任务）中已完成的引用数，以及每墙钟秒的引用数</translation>
    </message>
    <message>
        <source>Replay %1 / %2 refs</source>
        <translation>重放 %1 / %2 次引用</translation>
    </message>
    <message>
        <source> (pass %1)</source>
        <translation>（第 %1 遍）</translation>
    </message>
    <message>
        <source>, %1 refs/s</source>
        <translation>，%1 次引用/s</translation>
    </message>
</context>
<context>
    <name>ScenarioBrowser</name>
    <message>
        <source>Built-in scenarios (the seed chapter&apos;s experiments and more) and the scenario files you opened recently. Double-click or Load to start one.</source>
        <translation>内置场景（源起章节的实验及更多）和你最近打开的场景文件。双击或点击“加载”启动场景。</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Start the chosen scenario from time 0 (the running one stops)</source>
        <translation>从时间 0 开始运行所选场景（正在运行的场景会停止）</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Load a scenario file (JSON, docs/scenario-format.md); Ctrl+O</source>
        <translation>加载场景文件（JSON，docs/scenario-format.md）；Ctrl+O</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
    <message>
        <source>built-in: %1</source>
        <translation>内置：%1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>SimulationController</name>
    <message>
        <source>kswapd started no reclaim pass in 60 simulated seconds: no zone fell to its low watermark.</source>
        <translation>kswapd 在 60 个模拟秒内没有开始任何一轮回收：没有 zone 降到其低水线。</translation>
    </message>
    <message>
        <source>The simulation stopped: %1</source>
        <translation>模拟已停止：%1</translation>
    </message>
    <message>
        <source>There is no simulation to export.</source>
        <translation>没有可导出的模拟。</translation>
    </message>
    <message>
        <source>Cannot watch this machine: %1</source>
        <translation>无法观察本机：%1</translation>
    </message>
    <message>
        <source>Reading this machine failed: %1</source>
        <translation>读取本机失败：%1</translation>
    </message>
    <message>
        <source>This machine is only watched: ReclaimScope never changes its settings or its swap.</source>
        <translation>本机只被观察： ReclaimScope 从不修改它的设置或交换区。</translation>
    </message>
    <message>
        <source>This machine: %1, Linux %2</source>
        <translation>本机：%1，Linux %2</translation>
    </message>
    <message>
        <source>Cannot open the recording: %1</source>
        <translation>无法打开记录：%1</translation>
    </message>
    <message>
        <source>The recording is shown in part:
%1</source>
        <translation>记录只显示了一部分：
%1</translation>
    </message>
    <message>
        <source>A recording is only shown: there is no kernel behind it to change or run.</source>
        <translation>记录只用于显示：它背后没有可修改或运行的内核。</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>记录 %1</translation>
    </message>
    <message>
        <source>Recording %1 of %2, %3</source>
        <translation>记录 %1（%2，%3）</translation>
    </message>
</context>
<context>
    <name>SlotMapWidget</name>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>in use (swap_map count &gt; 0)</source>
        <translation>使用中（swap_map 计数 &gt; 0）</translation>
    </message>
    <message>
        <source>in use and in the swap cache</source>
        <translation>使用中且在交换缓存中</translation>
    </message>
    <message>
        <source>only in the swap cache (SWAP_HAS_CACHE)</source>
        <translation>仅在交换缓存中（SWAP_HAS_CACHE）</translation>
    </message>
    <message>
        <source>bad or header (SWAP_MAP_BAD)</source>
        <translation>坏槽或头部（SWAP_MAP_BAD）</translation>
    </message>
    <message>
        <source>%1, slot %2 (cluster %3): %4</source>
        <translation>%1，槽位 %2（cluster %3）：%4</translation>
    </message>
    <message>
        <source>
swap_map = 0x%1: count %2, %3</source>
        <translation>
swap_map = 0x%1：计数 %2，%3</translation>
    </message>
    <message>
        <source>SWAP_HAS_CACHE set</source>
        <translation>SWAP_HAS_CACHE 已置位</translation>
    </message>
    <message>
        <source>not in the swap cache</source>
        <translation>不在交换缓存中</translation>
    </message>
    <message>
        <source>
held by the page table of pid %1</source>
        <translation>
由 pid %1 的页表持有</translation>
    </message>
    <message>
        <source>%1, cluster %2 (slots %3-%4): %5 free, %6 in use, %7 cache only, %8 bad</source>
        <translation>%1，cluster %2（槽位 %3-%4）：%5 空闲，%6 使用中，%7 仅缓存，%8 坏槽</translation>
    </message>
</context>
<context>
    <name>SwapView</name>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>in use + swap cache</source>
        <translation>使用中 + 交换缓存</translation>
    </message>
    <message>
        <source>swap cache only</source>
        <translation>仅交换缓存</translation>
    </message>
    <message>
        <source>bad / header</source>
        <translation>坏槽 / 头部</translation>
    </message>
    <message>
        <source>Swap on…</source>
        <translation>启用交换分区…</translation>
    </message>
    <message>
        <source>Add a swap area now (sys_swapon): size, priority, kind (hdd, ssd, zram).</source>
        <translation>立即添加一个交换分区（sys_swapon）：大小、优先级、类型（hdd、ssd、zram）。</translation>
    </message>
    <message>
        <source>The swap area that Swap off removes.</source>
        <translation>“停用交换分区”要移除的交换分区。</translation>
    </message>
    <message>
        <source>Swap off</source>
        <translation>停用交换分区</translation>
    </message>
    <message>
        <source>Remove the area now (sys_swapoff): a swapoff process reads every page back in (try_to_unuse). Without the memory for them the OOM killer picks swapoff first, and the area comes back (reinsert_swap_info).</source>
        <translation>立即移除该交换分区（sys_swapoff）：一个 swapoff 进程把每个页读回内存（try_to_unuse）。若内存容纳不下，OOM killer 会先选中 swapoff，该交换分区随之恢复（reinsert_swap_info）。</translation>
    </message>
    <message>
        <source>No swap device. Add one with --swap SIZE[,prio=N][,kind=hdd|ssd|zram] (e.g. reclaimscope --swap 1G --scenario mixed-pressure).</source>
        <translation>没有交换设备。可用 --swap SIZE[,prio=N][,kind=hdd|ssd|zram] 添加（如 reclaimscope --swap 1G --scenario mixed-pressure）。</translation>
    </message>
    <message>
        <source>Swap usage and traffic</source>
        <translation>交换分区用量和流量</translation>
    </message>
    <message>
        <source>swap in use (MiB)</source>
        <translation>已用交换分区（MiB）</translation>
    </message>
    <message>
        <source>swap-in / swap-out (pages/s)</source>
        <translation>换入 / 换出（页/s）</translation>
    </message>
    <message>
        <source>swap in use</source>
        <translation>已用交换分区</translation>
    </message>
    <message>
        <source>swap cache</source>
        <translation>交换缓存</translation>
    </message>
    <message>
        <source>pswpout rate</source>
        <translation>pswpout 速率</translation>
    </message>
    <message>
        <source>pswpin rate</source>
        <translation>pswpin 速率</translation>
    </message>
    <message>
        <source>a cell per 512-slot cluster; a process&apos;s slots are outlined only on areas of up to 65 536 slots</source>
        <translation>每个单元格代表一个 512 槽位的 cluster；只有在不超过 65 536 个槽位的交换分区上才会勾出进程的槽位</translation>
    </message>
    <message>
        <source>a cell per slot, lines between clusters</source>
        <translation>每个单元格代表一个槽位，cluster 之间有分隔线</translation>
    </message>
    <message>
        <source>swapoff in progress</source>
        <translation>正在 swapoff</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, priority %3): %4 of %5 slots in use (%6)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2，优先级 %3）：%5 个槽位中 %4 个已使用（%6）</translation>
    </message>
    <message>
        <source>Swap on</source>
        <translation>启用交换分区</translation>
    </message>
    <message>
        <source>Swap area: SIZE[,prio=N][,kind=hdd|ssd|zram][,ratio=R][,name=NAME]
e.g. 1G,kind=ssd or 512M,prio=10,kind=zram,ratio=3</source>
        <translation>交换分区：SIZE[,prio=N][,kind=hdd|ssd|zram][,ratio=R][,name=NAME]
如 1G,kind=ssd 或 512M,prio=10,kind=zram,ratio=3</translation>
    </message>
    <message>
        <source>This machine&apos;s swap areas, as /proc/swaps shows them:</source>
        <translation>本机的交换区，如 /proc/swaps 所示：</translation>
    </message>
    <message>
        <source>A real device&apos;s slots are not visible (the kernel keeps its swap_map to itself): usage and traffic are in the chart below.</source>
        <translation>真实设备的槽位不可见（内核不公开它的 swap_map）：使用量和流量见下方的图表。</translation>
    </message>
    <message>
        <source>A recording holds swap usage and traffic (the chart below), not the slot maps.</source>
        <translation>记录保存了交换区的使用量和流量（见下方图表），没有槽位图。</translation>
    </message>
</context>
<context>
    <name>Sysctl</name>
    <message>
        <source>computed at boot from RAM (init_per_zone_wmark_min)</source>
        <translation>启动时按内存大小计算（init_per_zone_wmark_min）</translation>
    </message>
    <message>
        <source>kB</source>
        <translation>kB</translation>
    </message>
    <message>
        <source>Free memory the kernel keeps in reserve; split over the zones as their min watermarks.</source>
        <translation>内核预留的空闲内存；按各 zone 分摊为它们的最低水线。</translation>
    </message>
    <message>
        <source>1/10000 of a zone</source>
        <translation>zone 大小的万分之一</translation>
    </message>
    <message>
        <source>Distance between the min, low and high watermarks, as a fraction of the zone&apos;s size.</source>
        <translation>min、low、high 三条水线之间的距离，以 zone 大小的比例表示。</translation>
    </message>
    <message>
        <source>1/10000 of high</source>
        <translation>high 水线的万分之一</translation>
    </message>
    <message>
        <source>How far a fragmentation event may boost the watermarks, relative to the high mark.</source>
        <translation>一次碎片化事件可将水线提升多少，相对于高水线。</translation>
    </message>
    <message>
        <source>Relative cost of swapping anonymous pages against dropping page cache: 100 weighs them equally, 0 avoids swapping until the page cache is nearly gone.</source>
        <translation>换出匿名页相对于丢弃页缓存的代价：100 表示两者同等，0 表示在页缓存几乎耗尽前都避免交换。</translation>
    </message>
    <message>
        <source>% of the dentry/inode cache</source>
        <translation>dentry/inode 缓存的 %</translation>
    </message>
    <message>
        <source>How hard reclaim shrinks the dentry and inode caches relative to page cache.</source>
        <translation>回收相对于页缓存收缩 dentry 和 inode 缓存的力度。</translation>
    </message>
    <message>
        <source>% of dirtyable memory</source>
        <translation>可脏内存的 %</translation>
    </message>
    <message>
        <source>Dirty page cache above which writers are throttled and write back themselves.</source>
        <translation>脏页缓存超过此值时，写入者被节流并自己回写。</translation>
    </message>
    <message>
        <source>Dirty page cache above which the flusher starts background writeback.</source>
        <translation>脏页缓存超过此值时，flusher 线程开始后台回写。</translation>
    </message>
    <message>
        <source>bits 1, 2, 4</source>
        <translation>位 1、2、4</translation>
    </message>
    <message>
        <source>Reclaim on the local node before allocating from another (1), also writing dirty pages (2), also unmapping (4).</source>
        <translation>从其他节点分配前先在本地节点回收（1），同时回写脏页（2），同时解除映射（4）。</translation>
    </message>
    <message>
        <source>log2 pages</source>
        <translation>log2 页</translation>
    </message>
    <message>
        <source>Swap readahead: a fault reads up to 2^page-cluster neighbouring slots.</source>
        <translation>交换预读：一次缺页最多读入 2^page-cluster 个相邻槽位。</translation>
    </message>
    <message>
        <source>256 256 32 0 0 (DMA DMA32 Normal Movable Device)</source>
        <translation>256 256 32 0 0（DMA DMA32 Normal Movable Device）</translation>
    </message>
    <message>
        <source>ratio per zone</source>
        <translation>每个 zone 的比值</translation>
    </message>
    <message>
        <source>Per-zone divisor of the protection that keeps lower zones for allocations that need them; values below 1 switch the protection off.</source>
        <translation>各 zone 保护量的除数，这种保护把低端 zone 留给需要它们的分配；小于 1 的值关闭保护。</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Transport</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>运行(&amp;P)</translation>
    </message>
    <message>
        <source>Run or pause the simulated kernel (Space)</source>
        <translation>运行或暂停模拟内核 (Space)</translation>
    </message>
    <message>
        <source>Step 1 ms</source>
        <translation>单步 1 ms</translation>
    </message>
    <message>
        <source>Pause and run one simulated millisecond (.)</source>
        <translation>暂停并运行一个模拟毫秒 (.)</translation>
    </message>
    <message>
        <source>Step kswapd pass</source>
        <translation>单步 kswapd 一轮</translation>
    </message>
    <message>
        <source>Pause and run until kswapd has done its next reclaim pass: one priority iteration of balance_pgdat() (kswapd_shrink_node). Shift+.</source>
        <translation>暂停并运行到 kswapd 完成下一轮回收：balance_pgdat() 的一次优先级迭代（kswapd_shrink_node）。Shift+.</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Restart the scenario from time 0, keeping the sysctl values you set (Ctrl+R)</source>
        <translation>从时间 0 重新开始场景，保留你设置的 sysctl 值 (Ctrl+R)</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Simulated seconds per wall-clock second</source>
        <translation>每墙钟秒的模拟秒数</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Back 1 s</source>
        <translation>后退 1 s</translation>
    </message>
    <message>
        <source>Review the recorded moment one simulated second earlier (Ctrl+Left)</source>
        <translation>回看早一个模拟秒的记录时刻 (Ctrl+Left)</translation>
    </message>
    <message>
        <source>Forward 1 s</source>
        <translation>前进 1 s</translation>
    </message>
    <message>
        <source>Review the recorded moment one simulated second later (Ctrl+Right)</source>
        <translation>回看晚一个模拟秒的记录时刻 (Ctrl+Right)</translation>
    </message>
    <message>
        <source>History: drag back to review a recorded moment. The simulation pauses; the charts centre on that moment, the LRU flows and the counters show its recorded values. Live (End) returns to now.</source>
        <translation>历史：向回拖动可回看某个记录的时刻。模拟会暂停；图表以该时刻为中心，LRU 流向和计数器显示其记录值。“实时” (End) 回到当前。</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Leave the review and follow the newest data (End)</source>
        <translation>退出回看，跟随最新数据 (End)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source> reviewing %1 </source>
        <translation> 回看 %1 </translation>
    </message>
    <message>
        <source> live </source>
        <translation> 实时 </translation>
    </message>
</context>
<context>
    <name>TuningPanel</name>
    <message>
        <source>Drag a slider or type a value and press Enter: the simulated kernel takes it as a write to /proc/sys/vm does, and every chart marks the moment. Ctrl+Z undoes a change.</source>
        <translation>拖动滑块或输入数值后按 Enter：模拟内核会像写入 /proc/sys/vm 那样接受它，每个图表都会标出这一时刻。Ctrl+Z 撤销更改。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;br&gt;Kernel handler: &lt;tt&gt;%3()&lt;/tt&gt;&lt;br&gt;Kernel range: %4&lt;br&gt;Default: %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;br&gt;内核处理函数：&lt;tt&gt;%3()&lt;/tt&gt;&lt;br&gt;内核范围：%4&lt;br&gt;默认值：%5</translation>
    </message>
    <message>
        <source>each value %1..%2, one per zone</source>
        <translation>每个值 %1..%2，每个 zone 一个</translation>
    </message>
    <message>
        <source>This machine&apos;s values, as /proc/sys/vm shows them (read again every second). Read only: ReclaimScope never writes to the host.</source>
        <translation>本机的取值，如 /proc/sys/vm 所示（每秒重新读取）。只读：ReclaimScope 从不写入本机。</translation>
    </message>
    <message>
        <source>A recording holds no sysctl values: the sliders show nothing of it.</source>
        <translation>记录不包含 sysctl 取值：滑块并不反映它。</translation>
    </message>
</context>
<context>
    <name>ViewList</name>
    <message>
        <source>Watermarks</source>
        <translation>水线</translation>
    </message>
    <message>
        <source>Free pages of each zone against its min/low/high watermarks, kswapd&apos;s activity and direct reclaim (Ctrl+1)</source>
        <translation>各 zone 的空闲页与其 min/low/high 水线、kswapd 的活动和直接回收 (Ctrl+1)</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>Swap slot maps (swap_map, clusters) and swap traffic (Ctrl+2)</source>
        <translation>交换槽位图（swap_map、cluster）和交换流量 (Ctrl+2)</translation>
    </message>
    <message>
        <source>LRU</source>
        <translation>LRU</translation>
    </message>
    <message>
        <source>LRU list sizes over time and the page flows between the lists (Ctrl+3)</source>
        <translation>LRU 链表大小随时间的变化，以及链表之间的页流动 (Ctrl+3)</translation>
    </message>
    <message>
        <source>Big Picture</source>
        <translation>全景图</translation>
    </message>
    <message>
        <source>The reclaim call graph, lit by each kernel function&apos;s call rate (Ctrl+4)</source>
        <translation>回收调用图，按每个内核函数的调用速率点亮 (Ctrl+4)</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>计数器</translation>
    </message>
    <message>
        <source>Live /proc/zoneinfo, vmstat, meminfo and swaps of the simulated kernel (Ctrl+5)</source>
        <translation>模拟内核实时的 /proc/zoneinfo、vmstat、meminfo 和 swaps (Ctrl+5)</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Every process: pid, RSS, swap, faults, reclaim stalls and OOM score, live and sortable, and the selected one&apos;s memory and stalls over time (Ctrl+6)</source>
        <translation>每个进程：pid、RSS、交换分区用量、缺页、回收停顿和 OOM 分数，实时且可排序；以及所选进程的内存和停顿随时间的变化 (Ctrl+6)</translation>
    </message>
</context>
<context>
    <name>WatermarkPlot</name>
    <message>
        <source>Node %1, zone %2 — free pages against watermarks</source>
        <translation>节点 %1，zone %2 — 空闲页与水线</translation>
    </message>
    <message>
        <source>pages (4 KiB)</source>
        <translation>页（4 KiB）</translation>
    </message>
    <message>
        <source>kswapd reclaiming</source>
        <translation>kswapd 回收中</translation>
    </message>
    <message>
        <source>kswapd napping</source>
        <translation>kswapd 小睡</translation>
    </message>
    <message>
        <source>direct reclaim</source>
        <translation>直接回收</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲页</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high 水线</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low 水线</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min 水线</translation>
    </message>
    <message>
        <source>Zone %1 of node %2: %3 managed pages. Lines are the zone&apos;s watermarks (include any boost) as /proc/zoneinfo prints them; shading shows kswapd balancing the node (dark) or napping (light).</source>
        <translation>节点 %2 的 zone %1：%3 个 managed 页。线条是该 zone 的水线（含任何提升），与 /proc/zoneinfo 的输出一致；阴影表示 kswapd 正在平衡该节点（深色）或在小睡（浅色）。</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
</context>
<context>
    <name>WatermarkView</name>
    <message>
        <source>direct reclaim by %1</source>
        <translation>%1 的直接回收</translation>
    </message>
    <message>
        <source>%1 free %2 (min %3, low %4, high %5)</source>
        <translation>%1 空闲 %2（min %3，low %4，high %5）</translation>
    </message>
    <message>
        <source>Reviewing t = %1: %2</source>
        <translation>回看 t = %1：%2</translation>
    </message>
</context>
</TS>
