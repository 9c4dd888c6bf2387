//! Line charts written as PNG files, for curves printed by the command line (`gloss
//! learn-curve --plot`). plotters draws into a pixel buffer with the font egui ships (so no
//! system font is needed), and the png crate writes it atomically like every other output.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use super::{IoError, write_atomic};

const WIDTH: u32 = 900;
const HEIGHT: u32 = 560;

/// One line of a chart: its name (in the legend) and its points.
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

fn font() -> &'static str {
    static REGISTERED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    REGISTERED.get_or_init(|| {
        register_font(
            "sans-serif",
            FontStyle::Normal,
            epaint_default_fonts::UBUNTU_LIGHT,
        )
        .is_ok()
    });
    "sans-serif"
}

/// Draw `series` (y from 0 to 1) against x, with axis names, and write the PNG to `path`.
pub fn line_chart(
    path: &Path,
    title: &str,
    x_name: &str,
    y_name: &str,
    series: &[Series],
) -> Result<(), IoError> {
    let mut pixels = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
    draw(&mut pixels, title, x_name, y_name, series).map_err(|message| IoError::Other {
        path: path.to_path_buf(),
        message: format!("cannot draw the chart: {message}"),
    })?;
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let encoded = encoder
            .write_header()
            .and_then(|mut w| w.write_image_data(&pixels));
        encoded.map_err(|e| IoError::Other {
            path: path.to_path_buf(),
            message: format!("cannot encode the PNG: {e}"),
        })?;
    }
    write_atomic(path, &bytes)
}

const COLOURS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(0, 0, 0),
    RGBColor(148, 103, 189),
];

fn draw(
    pixels: &mut [u8],
    title: &str,
    x_name: &str,
    y_name: &str,
    series: &[Series],
) -> Result<(), String> {
    let family = font();
    let root = BitMapBackend::with_buffer(pixels, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let x_max = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .fold(1.0f64, f64::max);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, (family, 22))
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(0f64..x_max * 1.02, 0f64..1f64)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_desc(x_name)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_desc(y_name)
        .label_style((family, 15))
        .axis_desc_style((family, 16))
        .draw()
        .map_err(|e| e.to_string())?;
    for (i, s) in series.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let width = if s.name == "all" { 3 } else { 2 };
        chart
            .draw_series(LineSeries::new(
                s.points.iter().copied(),
                colour.stroke_width(width),
            ))
            .map_err(|e| e.to_string())?
            .label(s.name.clone())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(width))
            });
        chart
            .draw_series(s.points.iter().map(|&p| Circle::new(p, 3, colour.filled())))
            .map_err(|e| e.to_string())?;
    }
    chart
        .configure_series_labels()
        .label_font((family, 15))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .position(SeriesLabelPosition::LowerRight)
        .draw()
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_a_png_with_lines_on_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("curve.png");
        let series = vec![
            Series {
                name: "model".into(),
                points: vec![(10.0, 0.4), (50.0, 0.7), (100.0, 0.8)],
            },
            Series {
                name: "all".into(),
                points: vec![(10.0, 0.6), (50.0, 0.8), (100.0, 0.85)],
            },
        ];
        line_chart(&path, "Learning curve", "documents", "F1", &series).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
        // Not blank: the lines' colours are there.
        let blue = buf
            .chunks(3)
            .filter(|p| p[0] == 31 && p[1] == 119 && p[2] == 180)
            .count();
        assert!(blue > 100, "{blue} blue pixels");
    }
}
