fn main() {
    aioscope::start();
}
