namespace Ikm.Workflow.Kernel;

/// <summary>What a step's reader made of typed input: a value to fire the step's trigger with, or the reply that says why not.</summary>
public readonly record struct Read<T>
{
    private Read(T? value, string? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }
    /// <summary>Sent as is (what was expected, with an example); nothing is stored and the step stays.</summary>
    public string? Refusal { get; }
    public bool IsValue => Refusal is null;

    public static Read<T> Ok(T value) => new(value, null);

    public static Read<T> Refuse(string reply) => new(default, reply);
}
