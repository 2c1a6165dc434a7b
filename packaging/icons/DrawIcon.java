import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the Coalmine icon (a yellow canary on a lump of coal) and writes it as PNG (Linux), ICO (Windows)
 * and ICNS (macOS). Run from the repository root: {@code java packaging/icons/DrawIcon.java packaging/icons}.
 * The outputs are committed, so the build does not need to run this.
 */
public final class DrawIcon {
    private static final double SIZE = 512;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.write(dir.resolve("coalmine.png"), png(256));
        Files.write(dir.resolve("coalmine.ico"), ico(List.of(16, 32, 48, 256)));
        Files.write(dir.resolve("coalmine.icns"), icns());
    }

    static BufferedImage draw(int px) {
        BufferedImage image = new BufferedImage(px, px, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(px / SIZE, px / SIZE);

        // The tile: coal black with a cool highlight towards the top.
        g.setPaint(new GradientPaint(0, 0, new Color(0x4a4f57), 0, 512, new Color(0x15171a)));
        g.fill(new RoundRectangle2D.Double(16, 16, 480, 480, 104, 104));

        // A lump of coal, faceted, at the bottom.
        Path2D coal = new Path2D.Double();
        coal.moveTo(86, 430);
        coal.lineTo(118, 360);
        coal.lineTo(196, 330);
        coal.lineTo(300, 342);
        coal.lineTo(392, 326);
        coal.lineTo(430, 380);
        coal.lineTo(424, 430);
        coal.closePath();
        g.setColor(new Color(0x0b0c0e));
        g.fill(coal);
        g.setColor(new Color(0x5c636e));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line(196, 330, 232, 430));
        g.draw(line(300, 342, 330, 430));
        g.draw(line(118, 360, 232, 430));

        // The canary, perched on the coal, facing right.
        Color yellow = new Color(0xffc928);
        Color shade = new Color(0xe09a00);
        Path2D tail = new Path2D.Double();
        tail.moveTo(150, 300);
        tail.lineTo(84, 344);
        tail.lineTo(104, 300);
        tail.lineTo(80, 270);
        tail.closePath();
        g.setColor(shade);
        g.fill(tail);
        g.setColor(yellow);
        g.fill(new Ellipse2D.Double(118, 196, 220, 150));   // body
        g.fill(new Ellipse2D.Double(262, 120, 126, 126));   // head
        Path2D wing = new Path2D.Double();
        wing.moveTo(160, 250);
        wing.curveTo(200, 220, 270, 232, 290, 262);
        wing.curveTo(250, 300, 190, 300, 160, 250);
        g.setColor(shade);
        g.fill(wing);
        Path2D beak = new Path2D.Double();
        beak.moveTo(380, 168);
        beak.lineTo(436, 188);
        beak.lineTo(378, 206);
        beak.closePath();
        g.setColor(new Color(0xff7a1a));
        g.fill(beak);
        g.setColor(new Color(0x15171a));
        g.fill(new Ellipse2D.Double(334, 158, 24, 24));     // eye
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(344, 162, 8, 8));       // glint
        g.setColor(new Color(0xff7a1a));
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line(210, 334, 204, 352));                   // legs
        g.draw(line(260, 334, 266, 352));
        g.dispose();
        return image;
    }

    private static Path2D line(double x1, double y1, double x2, double y2) {
        Path2D p = new Path2D.Double();
        p.moveTo(x1, y1);
        p.lineTo(x2, y2);
        return p;
    }

    static byte[] png(int px) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(px), "png", out);
        return out.toByteArray();
    }

    /** An ICO whose entries hold PNG data (supported since Windows Vista). */
    static byte[] ico(List<Integer> sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int px : sizes) {
            images.add(png(px));
        }
        int offset = 6 + 16 * sizes.size();
        int total = offset + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            int px = sizes.get(i);
            buf.put((byte) (px >= 256 ? 0 : px)).put((byte) (px >= 256 ? 0 : px));
            buf.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            buf.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(buf::put);
        return buf.array();
    }

    /** An ICNS whose entries hold PNG data: ic07 = 128 px, ic08 = 256 px, ic09 = 512 px. */
    static byte[] icns() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(sizes[i]);
            data.writeBytes(types[i]);
            data.writeInt(8 + image.length);
            data.write(image);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream file = new DataOutputStream(out);
        file.writeBytes("icns");
        file.writeInt(8 + body.size());
        file.write(body.toByteArray());
        return out.toByteArray();
    }
}
