//! `--screenshot OUT.png`: once the window has settled, capture it, write a PNG and close.
//! Used to look at the real window under Xvfb, and for the README picture.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{ColorImage, Context, ViewportCommand};

pub struct Screenshot {
    path: PathBuf,
    frames: u32,
    requested: bool,
}

/// Frames to wait so fonts are loaded and paragraph heights measured.
const SETTLE_FRAMES: u32 = 12;

impl Screenshot {
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            frames: 0,
            requested: false,
        }
    }

    /// Call once per frame.
    pub fn tick(&mut self, ctx: &Context) {
        self.frames += 1;
        if self.requested {
            return;
        }
        if self.frames < SETTLE_FRAMES {
            ctx.request_repaint();
            return;
        }
        self.requested = true;
        let path = self.path.clone();
        let ctx2 = ctx.clone();
        ctx.send_viewport_cmd(ViewportCommand::Screenshot(egui::ScreenshotCallback::new(
            move |image: Arc<ColorImage>| {
                if let Err(e) = write_png(&path, &image) {
                    eprintln!("{}: cannot write screenshot: {e}", path.display());
                } else {
                    eprintln!("screenshot written to {}", path.display());
                }
                ctx2.send_viewport_cmd(ViewportCommand::Close);
                ctx2.request_repaint();
            },
        )));
        ctx.request_repaint();
    }
}

fn write_png(path: &std::path::Path, image: &ColorImage) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let [w, h] = image.size;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    writer.write_image_data(&bytes).map_err(|e| e.to_string())
}
