using System.CommandLine;
using System.Diagnostics;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Policy;

namespace RightsDesk.Cli.Commands;

/// <summary>`rightsdesk bench assess`: single-thread assessments per second, against a baseline in the same process.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "A benchmark measures real elapsed time and fills the store with seeded, reproducible data; nothing it makes is a secret or a product record.")]
public static class BenchCommands
{
    public static Command Create(params Command[] more)
    {
        var seconds = new Option<double>("--seconds") { Description = "How long each measurement runs.", DefaultValueFactory = _ => 3 };
        var policyDir = CliOptions.Policy();
        var assess = new Command("assess", "Assessments per second on one thread, over the worked examples.") { seconds, policyDir };
        assess.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var dir = PolicyDirectory.Locate(parse.GetValue(policyDir));
            var policy = PolicyDirectory.Load(dir);
            var texts = Directory.GetFiles(Path.Combine(dir, "examples"), "*.demand.json").Order().Select(File.ReadAllText).ToArray();
            if (texts.Length == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"No worked examples in {dir}/examples.");
                return 2;
            }

            var demands = texts.Select(DemandReader.Read).ToArray();
            var assessor = new RightsAssessor(policy);
            var duration = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(seconds), 0.5, 60));

            // Baseline: reading and validating the same demands from JSON, the step every assessment follows.
            var parse_ = Measure(duration, i => DemandReader.Read(texts[i % texts.Length]));
            var assessOnly = Measure(duration, i => assessor.Assess(demands[i % demands.Length]));
            var endToEnd = Measure(duration, i => assessor.Assess(DemandReader.Read(texts[i % texts.Length])));

            o.WriteLine($"policy {policy.Version}, {demands.Length} worked examples, {Environment.ProcessorCount} cores, single thread");
            o.WriteLine($"parse+validate (baseline): {parse_,12:N0} demands/s");
            o.WriteLine($"assess:                    {assessOnly,12:N0} assessments/s   ({assessOnly / parse_:0.00}x baseline)");
            o.WriteLine($"parse+assess:              {endToEnd,12:N0} demands/s       ({endToEnd / parse_:0.00}x baseline)");
            return 0;
        });

        var bench = new Command("bench", "Benchmarks, printed as figures and ratios against a baseline run in the same process.") { assess };
        foreach (var c in more)
        {
            bench.Subcommands.Add(c);
        }

        return bench;
    }

    private static double Measure(TimeSpan duration, Func<int, object> work)
    {
        for (var i = 0; i < 2_000; i++)
        {
            work(i); // warm-up: JIT and tiered compilation
        }

        var sw = Stopwatch.StartNew();
        var n = 0;
        while (sw.Elapsed < duration)
        {
            for (var k = 0; k < 256; k++)
            {
                GC.KeepAlive(work(n++));
            }
        }

        return n / sw.Elapsed.TotalSeconds;
    }
}
