using System.Text;
using MicroGrad.Viz.Dot;

namespace MicroGrad.Viz.Tests.Dot;

public sealed class DotOutputTests
{
    [Fact]
    public void Text_across_and_beyond_a_small_buffer_arrives_whole_and_in_order()
    {
        using var target = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var output = new DotOutput(target, capacity: 8);
        output.Write("abc");
        output.Write('d');
        output.Write(1234567);
        output.Write("a string longer than the buffer");
        output.Write(new StringBuilder("xy").Append('z', 20));
        var room = output.Reserve(5);
        "12345".CopyTo(room);
        output.Advance(5);
        output.Write(0);

        Assert.Equal("abcd", target.ToString()[..4]); // the buffer was handed on when it filled
        output.Flush();
        Assert.Equal("abcd1234567a string longer than the buffer" + "xy" + new string('z', 20) + "12345" + "0", target.ToString());
    }

    [Fact]
    public void Nothing_reaches_the_writer_before_a_flush_while_it_fits()
    {
        using var target = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var output = new DotOutput(target);
        output.Write("digraph {");
        Assert.Equal(string.Empty, target.ToString());
        output.Flush();
        output.Flush();
        Assert.Equal("digraph {", target.ToString());
    }
}
