"""The timeline canvas: view, scene, layout, paint, input, framing, overview and export."""
