using Flipside.Benchmarks;
using Flipside.Matching.Assignment;

try
{
    return args.Length == 0 ? Usage() : args[0] switch
    {
        "solve" => SolveCommand.Run(new Arguments(args[1..])),
        "generate" => InstanceGenerator.Run(new Arguments(args[1..])),
        "ortools" => OrToolsCommand.Run(new Arguments(args[1..])),
        _ => Usage(),
    };
}
catch (Exception e) when (e is InstanceFormatException or AssignmentException or ArgumentException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (Exception e)
{
    // The process boundary: one line, never a stack trace.
    Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
    return 3;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Flipside.Benchmarks solve --instance FILE [--assign-out FILE] [--reps N]");
    return 2;
}
