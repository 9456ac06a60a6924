namespace Flipside.Domain;

/// <summary>A rule of the domain was broken; the message is written for the person who broke it.</summary>
public sealed class DomainException(string message) : Exception(message);
