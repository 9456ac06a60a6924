using Flipside.Domain;

namespace Flipside.Tests.Programs;

public sealed class WordsTests
{
    [Theory]
    [InlineData(1, "leader", "1 leader")]
    [InlineData(2, "leader", "2 leaders")]
    [InlineData(1, "person", "1 person")]
    [InlineData(2, "person", "2 people")]
    [InlineData(3, "reverse mentor", "3 reverse mentors")]
    [InlineData(2, "business", "2 businesses")]
    [InlineData(2, "ally", "2 allies")]
    [InlineData(1200, "email", "1,200 emails")]
    public void Count_AgreesWithItsNumber(int n, string noun, string expected) => Assert.Equal(expected, Words.Count(n, noun));

    [Theory]
    [InlineData("mentor", "a mentor")]
    [InlineData("AI mentor", "an AI mentor")]
    [InlineData("reverse mentor", "a reverse mentor")]
    [InlineData("executive", "an executive")]
    [InlineData("UX lead", "a UX lead")]
    [InlineData("hour", "an hour")]
    [InlineData("university fellow", "a university fellow")]
    public void WithArticle_GoesBySound(string phrase, string expected) => Assert.Equal(expected, Words.WithArticle(phrase));
}
